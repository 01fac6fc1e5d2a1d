package dev.st4j.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.st4j.io.ErrorText;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Reads a CSV, JSONL or JSON (array of objects) file into a Tablesaw {@link Table} whose columns are
 * all strings, so that values are checked and converted by st4j with row numbers in the messages.
 */
public final class TableReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The longest CSV field read: longer ones are almost always an unbalanced quote that swallowed the file. */
    private static final int MAX_FIELD = 1_000_000;

    private TableReader() {}

    /** Reads {@code file} by its extension. */
    public static Table read(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return readCsv(file);
        }
        if (name.endsWith(".jsonl")) {
            return readJsonLines(file);
        }
        if (name.endsWith(".json")) {
            return readJsonArray(file);
        }
        throw new IOException(file + ": expected a .csv, .jsonl or .json file");
    }

    private static Table readCsv(Path file) throws IOException {
        TextFiles.requireUtf8Text(file);
        try {
            CsvReadOptions options = CsvReadOptions.builder(file.toFile()).header(true).maxCharsPerColumn(MAX_FIELD)
                    .columnTypes(name -> ColumnType.STRING).missingValueIndicator("").build();
            Table t = Table.read().usingOptions(options);
            t.setName(file.getFileName().toString());
            return t;
        } catch (RuntimeException e) {
            throw new IOException(file + ": " + csvProblem(e), e);
        }
    }

    /** What the CSV parser's failure means, in the user's terms. */
    private static String csvProblem(RuntimeException e) {
        String m = firstLine(e);
        Matcher fields = Pattern.compile("Row number (\\d+) contains (\\d+) columns\\. (\\d+) expected").matcher(m);
        if (fields.find()) {
            return "row " + fields.group(1) + " has " + fields.group(2) + " field(s) but the header has " + fields.group(3)
                    + " (an unbalanced quote, or a delimiter other than ','?)";
        }
        Matcher duplicate = Pattern.compile("duplicate name (.+?) to table").matcher(m);
        if (duplicate.find()) {
            return "column '" + duplicate.group(1) + "' appears twice in the header";
        }
        if (m.contains("exceeds the maximum number of characters")) {
            return "a field is longer than " + MAX_FIELD + " characters (an unbalanced quote?)";
        }
        return "not a readable CSV (" + m + ")";
    }

    private static Table readJsonLines(Path file) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        int line = 0;
        TextFiles.requireUtf8Text(file);
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String s;
            while ((s = r.readLine()) != null) {
                line++;
                if (s.isBlank()) {
                    continue;
                }
                JsonNode row;
                try {
                    row = JSON.readTree(s);
                } catch (IOException e) {
                    throw new IOException(file + ": line " + line + " is not valid JSON", e);
                }
                if (!row.isObject()) {
                    throw new IOException(file + ": line " + line + " is not a JSON object (one object per line, e.g. {\"sentence1\": …})");
                }
                rows.add(row);
            }
        }
        return toTable(file, rows);
    }

    private static Table readJsonArray(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + ": not valid JSON (" + ErrorText.of(e) + ")", e);
        }
        if (root == null || !root.isArray()) {
            throw new IOException(file + ": expected a JSON array of objects");
        }
        List<JsonNode> rows = new ArrayList<>();
        root.forEach(rows::add);
        return toTable(file, rows);
    }

    private static Table toTable(Path file, List<JsonNode> rows) throws IOException {
        Map<String, StringColumn> columns = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            if (!row.isObject()) {
                throw new IOException(file + ": row " + (i + 1) + " is not a JSON object");
            }
            final int rowIndex = i;
            row.fieldNames().forEachRemaining(name -> columns.computeIfAbsent(name, n -> {
                StringColumn c = StringColumn.create(n);
                for (int k = 0; k < rowIndex; k++) {
                    c.appendMissing();
                }
                return c;
            }));
            for (Map.Entry<String, StringColumn> c : columns.entrySet()) {
                JsonNode v = row.get(c.getKey());
                if (v == null || v.isNull()) {
                    c.getValue().appendMissing();
                } else {
                    c.getValue().append(v.isValueNode() ? v.asText() : v.toString());
                }
            }
        }
        Table t = Table.create(file.getFileName().toString());
        columns.values().forEach(t::addColumns);
        return t;
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
