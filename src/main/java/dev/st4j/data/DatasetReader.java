package dev.st4j.data;

import dev.st4j.kind.Target;
import dev.st4j.kind.TrainerKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Reads one split for a trainer: chooses the columns (the user's names, else the guide's
 * {@code sentence1, sentence2, sentence3, target}, else the reference page's names for the trainer),
 * checks every row, and converts targets. Row numbers in messages count data rows from 1.
 */
public final class DatasetReader {
    private static final int ROWS_LISTED = 10;

    private final ColumnNames names;
    private final boolean skipInvalid;
    private final Integer maxSamples;

    /**
     * @param names the user's column names
     * @param skipInvalid drop invalid rows (and count them) instead of failing
     * @param maxSamples keep only the first N rows, or null for all
     */
    public DatasetReader(ColumnNames names, boolean skipInvalid, Integer maxSamples) {
        this.names = names;
        this.skipInvalid = skipInvalid;
        this.maxSamples = maxSamples;
    }

    /** Reads {@code file} for {@code kind}. */
    public Dataset read(Path file, TrainerKind kind) throws IOException {
        return read(file, TableReader.read(file), kind, null);
    }

    /**
     * Reads {@code table} (loaded from {@code file}) for {@code kind}; {@code labelOrder} fixes the label
     * ids (the training split's) when reading a validation split, or is null.
     */
    public Dataset read(Path file, Table table, TrainerKind kind, List<String> labelOrder) throws IOException {
        if (maxSamples != null && table.rowCount() > maxSamples) {
            table = table.first(maxSamples);
        }
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < kind.textColumns(); i++) {
            chosen.add(choose(file, table, names.text(i), List.of("sentence" + (i + 1), kind.conventionalColumns().get(i)),
                    ColumnNames.textFlag(i)));
        }
        String target = null;
        if (kind.target() != Target.NONE) {
            target = choose(file, table, names.target(), List.of("target", kind.conventionalColumns().get(kind.textColumns()),
                    kind.target() == Target.SCORE ? "label" : "score"), "--target-column");
            chosen.add(target);
        }
        Map<Integer, String> problems = new TreeMap<>();
        for (int i = 0; i < kind.textColumns(); i++) {
            Column<?> c = table.column(chosen.get(i));
            for (int r = 0; r < table.rowCount(); r++) {
                if (c.isMissing(r) || c.getString(r).isBlank()) {
                    problems.putIfAbsent(r, "empty '" + chosen.get(i) + "'");
                }
            }
        }
        if (kind.target() == Target.SCORE) {
            Column<?> c = table.column(target);
            for (int r = 0; r < table.rowCount(); r++) {
                String value = c.isMissing(r) ? "" : c.getString(r).strip();
                if (parse(value) == null) {
                    problems.putIfAbsent(r, value.isEmpty() ? "missing '" + target + "'"
                            : (isNumber(value) ? "non-finite '" : "non-numeric '") + target + "' value '" + value + "'");
                }
            }
        } else if (kind.target() == Target.LABEL) {
            Column<?> c = table.column(target);
            for (int r = 0; r < table.rowCount(); r++) {
                if (c.isMissing(r) || c.getString(r).isBlank()) {
                    problems.putIfAbsent(r, "missing '" + target + "'");
                }
            }
        }
        if (!problems.isEmpty() && !skipInvalid) {
            throw new IOException(file + ": " + problems.size() + " invalid row(s): " + describe(problems)
                    + "; fix them or pass --skip-invalid-rows");
        }
        List<List<String>> texts = new ArrayList<>();
        for (int i = 0; i < kind.textColumns(); i++) {
            List<String> col = new ArrayList<>(table.rowCount());
            Column<?> c = table.column(chosen.get(i));
            for (int r = 0; r < table.rowCount(); r++) {
                if (!problems.containsKey(r)) {
                    col.add(c.getString(r));
                }
            }
            texts.add(Collections.unmodifiableList(col));
        }
        double[] targets = null;
        List<String> labels = null;
        if (target != null) {
            Column<?> c = table.column(target);
            List<String> raw = new ArrayList<>();
            for (int r = 0; r < table.rowCount(); r++) {
                if (!problems.containsKey(r)) {
                    raw.add(c.getString(r).strip());
                }
            }
            if (kind.target() == Target.SCORE) {
                targets = raw.stream().mapToDouble(DatasetReader::parse).toArray();
            } else {
                labels = labelOrder != null ? labelOrder : labelOrder(raw);
                targets = new double[raw.size()];
                for (int i = 0; i < raw.size(); i++) {
                    int id = labels.indexOf(raw.get(i));
                    if (id < 0) {
                        throw new IOException(file + ": label '" + raw.get(i) + "' does not occur in the training split (labels: "
                                + String.join(", ", labels) + ")");
                    }
                    targets[i] = id;
                }
            }
        }
        return new Dataset(file, List.copyOf(chosen), List.copyOf(texts), targets, labels, problems.size());
    }

    /** Label names by id: integers in numeric order when every label is an integer, else in order of appearance sorted by name. */
    public static List<String> labelOrder(List<String> raw) {
        Set<String> distinct = new LinkedHashSet<>(raw);
        List<String> out = new ArrayList<>(distinct);
        boolean integers = out.stream().allMatch(s -> s.matches("-?\\d+"));
        if (integers) {
            out.sort((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
        } else {
            Collections.sort(out);
        }
        return List.copyOf(out);
    }

    private static String choose(Path file, Table table, String given, List<String> conventional, String flag) throws IOException {
        List<String> present = table.columnNames();
        if (present.size() == 1 && (present.get(0).contains(";") || present.get(0).contains("\t"))) {
            String delimiter = present.get(0).contains(";") ? "';'" : "a tab";
            throw new IOException(file + ": the header is one column, '" + present.get(0) + "': the file seems separated by "
                    + delimiter + ", and st4j reads comma-separated CSV (or .jsonl)");
        }
        if (given != null) {
            if (present.contains(given)) {
                return given;
            }
            throw new IOException(file + ": column '" + given + "' (" + flag + ") not found; the file has columns: "
                    + String.join(", ", present));
        }
        for (String name : conventional) {
            if (present.contains(name)) {
                return name;
            }
        }
        throw new IOException(file + ": no column named " + String.join(" or ", new LinkedHashSet<>(conventional))
                + "; the file has columns: " + String.join(", ", present) + " (choose one with " + flag + ")");
    }

    private static Double parse(String s) {
        try {
            double v = Double.parseDouble(s.strip());
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String describe(Map<Integer, String> problems) {
        Map<String, List<Integer>> byKind = new LinkedHashMap<>();
        problems.forEach((row, what) -> byKind.computeIfAbsent(what.contains(" value '") ? what.substring(0, what.indexOf(" value '")) : what,
                k -> new ArrayList<>()).add(row + 1));
        List<String> parts = new ArrayList<>();
        byKind.forEach((what, rows) -> {
            String listed = String.join(", ", rows.stream().limit(ROWS_LISTED).map(String::valueOf).toList());
            parts.add(what + " in row" + (rows.size() > 1 ? "s " : " ") + listed + (rows.size() > ROWS_LISTED ? ", …" : ""));
        });
        return String.join("; ", parts);
    }
}
