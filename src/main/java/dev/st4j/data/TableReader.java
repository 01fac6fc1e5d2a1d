package dev.st4j.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
        try {
            CsvReadOptions options = CsvReadOptions.builder(file.toFile()).header(true).maxCharsPerColumn(1_000_000)
                    .columnTypes(name -> ColumnType.STRING).missingValueIndicator().build();
            Table t = Table.read().usingOptions(options);
            t.setName(file.getFileName().toString());
            return t;
        } catch (RuntimeException e) {
            throw new IOException(file + ": not a readable CSV (" + firstLine(e) + ")", e);
        }
    }

    private static Table readJsonLines(Path file) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        int line = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String s;
            while ((s = r.readLine()) != null) {
                line++;
                if (s.isBlank()) {
                    continue;
                }
                try {
                    rows.add(JSON.readTree(s));
                } catch (IOException e) {
                    throw new IOException(file + ": line " + line + " is not valid JSON", e);
                }
            }
        }
        return toTable(file, rows);
    }

    private static Table readJsonArray(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + ": not valid JSON (" + firstLine(e) + ")", e);
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
