package dev.st4j.data;

import dev.st4j.kind.Target;
import dev.st4j.kind.TrainerKind;
import dev.st4j.tokenizer.TextTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A dataset seen before training: its splits as Tablesaw tables, per-split and per-column statistics,
 * text lengths in tokens against {@code max_seq_length}, duplicate rows and rows shared between train
 * and validation. {@code st4j data} prints it and the notebook's {@code %st_data} renders it; code can
 * use the tables.
 */
public final class DatasetSummary {
    private static final List<String> SPLITS = List.of("train", "validation", "test");
        /** Token counts are exact up to this length (the longest position most encoders have); longer texts count as this. */
    private static final int LONGEST_COUNTED = 512;

    private final Path path;
    private final TrainerKind trainer;
    private final int maxSeqLength;
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final Map<String, Dataset> examples = new LinkedHashMap<>();
    private final Map<String, int[][]> tokenLengths = new LinkedHashMap<>();

    private DatasetSummary(Path path, TrainerKind trainer, int maxSeqLength) {
        this.path = path;
        this.trainer = trainer;
        this.maxSeqLength = maxSeqLength;
    }

    /**
     * Reads a data file, or a folder with one file per split.
     *
     * @param trainer the trainer the data is for, or null to infer it from the column names
     * @param tokenizerDir the folder whose tokenizer counts tokens, or null to skip the length statistics
     */
    public static DatasetSummary open(Path path, TrainerKind trainer, ColumnNames columns, int maxSeqLength, Path tokenizerDir)
            throws IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        if (Files.isDirectory(path)) {
            for (String split : SPLITS) {
                try {
                    files.put(split, DataFiles.resolve(path, split));
                } catch (IOException absent) {
                    // Splits that are not there are simply not shown.
                }
            }
            if (files.isEmpty()) {
                throw new IOException(path + ": no train, validation or test file (expected {split}.csv, .jsonl or .json)");
            }
        } else if (Files.isRegularFile(path)) {
            files.put("train", path);
        } else {
            throw new IOException(path + ": no such file or folder");
        }
        Table first = TableReader.read(files.values().iterator().next());
        TrainerKind kind = trainer != null ? trainer : infer(path, first);
        DatasetSummary view = new DatasetSummary(path, kind, maxSeqLength);
        DatasetReader reader = new DatasetReader(columns, true, null);
        List<String> labels = null;
        for (Map.Entry<String, Path> e : files.entrySet()) {
            Table t = e.getKey().equals(files.keySet().iterator().next()) ? first : TableReader.read(e.getValue());
            t.setName(e.getKey());
            view.tables.put(e.getKey(), t);
            Dataset d = reader.read(e.getValue(), t, kind, kind.target() == Target.LABEL ? labels : null);
            if (labels == null && d.labels() != null) {
                labels = mergeLabels(d.labels(), files, reader, kind);
                d = reader.read(e.getValue(), t, kind, labels);
            }
            view.examples.put(e.getKey(), d);
        }
        if (tokenizerDir != null) {
            try (TextTokenizer tok = TextTokenizer.load(tokenizerDir, LONGEST_COUNTED, 0)) {
                for (Map.Entry<String, Dataset> e : view.examples.entrySet()) {
                    int[][] lengths = new int[kind.textColumns()][];
                    for (int c = 0; c < kind.textColumns(); c++) {
                        lengths[c] = tok.lengths(e.getValue().column(c));
                    }
                    view.tokenLengths.put(e.getKey(), lengths);
                }
            }
        }
        return view;
    }

    /** The label ids over every split, ordered as the trainer orders them. */
    private static List<String> mergeLabels(List<String> first, Map<String, Path> files, DatasetReader reader, TrainerKind kind)
            throws IOException {
        List<String> all = new ArrayList<>(first);
        for (Path p : files.values()) {
            all.addAll(reader.read(p, kind).labels());
        }
        return DatasetReader.labelOrder(all);
    }

    /** The trainer whose conventional columns the file has; the error asks for {@code --trainer}. */
    static TrainerKind infer(Path path, Table table) throws IOException {
        return TrainerKind.fromColumns(table.columnNames()).orElseThrow(() -> new IOException(path
                + ": cannot tell the trainer from columns " + table.columnNames() + "; pass --trainer " + TrainerKind.names().replace(", ", "|")));
    }

    /** The trainer the view reads the data for. */
    public TrainerKind trainer() {
        return trainer;
    }

    /** The file or folder read. */
    public Path path() {
        return path;
    }

    /** The truncation length that token counts are compared with. */
    public int maxSeqLength() {
        return maxSeqLength;
    }

    /** Token counts of a split, one array per text column, or null when no tokenizer was given. */
    public int[][] tokenLengths(String split) {
        return tokenLengths.get(split);
    }

    /** The splits found, in train, validation, test order. */
    public List<String> splits() {
        return List.copyOf(tables.keySet());
    }

    /** A split's rows as read (every column as text), for further work with Tablesaw. */
    public Table table(String split) {
        Table t = tables.get(split);
        if (t == null) {
            throw new IllegalArgumentException("split '" + split + "' not found; splits: " + splits());
        }
        return t;
    }

    /** A split's valid examples, as the trainer would see them. */
    public Dataset examples(String split) {
        return examples.get(split);
    }

    /** One row per split: rows, valid examples, invalid rows, exact duplicates, rows also in train. */
    public Table splitSummary() {
        StringColumn split = StringColumn.create("split");
        IntColumn rows = IntColumn.create("rows");
        IntColumn valid = IntColumn.create("valid examples");
        IntColumn invalid = IntColumn.create("invalid rows");
        IntColumn duplicates = IntColumn.create("duplicate rows");
        IntColumn shared = IntColumn.create("rows also in train");
        Set<List<String>> train = examples.containsKey("train") ? new HashSet<>(keys(examples.get("train"))) : Set.of();
        for (String s : splits()) {
            Dataset d = examples.get(s);
            List<List<String>> k = keys(d);
            split.append(s);
            rows.append(tables.get(s).rowCount());
            valid.append(d.size());
            invalid.append(d.skipped());
            duplicates.append(k.size() - new HashSet<>(k).size());
            shared.append(s.equals("train") ? 0 : (int) k.stream().filter(train::contains).count());
        }
        return Table.create("splits of " + path.getFileName(), split, rows, valid, invalid, duplicates, shared);
    }

    /** One row per column of a split: its role for the trainer, missing and empty values, distinct values. */
    public Table columnSummary(String split) {
        Table t = table(split);
        List<String> chosen = examples.get(split).columnNames();
        StringColumn name = StringColumn.create("column");
        StringColumn role = StringColumn.create("role");
        StringColumn type = StringColumn.create("type");
        IntColumn missing = IntColumn.create("missing");
        IntColumn empty = IntColumn.create("empty");
        IntColumn distinct = IntColumn.create("distinct");
        for (Column<?> c : t.columns()) {
            int idx = chosen.indexOf(c.name());
            name.append(c.name());
            role.append(idx < 0 ? "unused" : idx < trainer.textColumns() ? "text " + (idx + 1) : "target");
            int m = 0;
            int e = 0;
            boolean numeric = true;
            Set<String> values = new HashSet<>();
            for (int r = 0; r < t.rowCount(); r++) {
                if (c.isMissing(r)) {
                    m++;
                    continue;
                }
                String v = c.getString(r);
                if (v.isBlank()) {
                    e++;
                }
                values.add(v);
                numeric &= isNumber(v);
            }
            type.append(numeric && !values.isEmpty() ? "number" : "text");
            missing.append(m);
            empty.append(e);
            distinct.append(values.size());
        }
        return Table.create("columns of " + split, name, role, type, missing, empty, distinct);
    }

    /** Token counts per split and text column: mean, median, 95th percentile, longest, and rows over {@code max_seq_length}. */
    public Table lengthSummary() {
        StringColumn split = StringColumn.create("split");
        StringColumn column = StringColumn.create("column");
        IntColumn median = IntColumn.create("median tokens");
        IntColumn p95 = IntColumn.create("p95 tokens");
        IntColumn max = IntColumn.create("max tokens");
        IntColumn truncated = IntColumn.create("over max_seq_length");
        for (Map.Entry<String, int[][]> e : tokenLengths.entrySet()) {
            for (int c = 0; c < e.getValue().length; c++) {
                int[] sorted = e.getValue()[c].clone();
                Arrays.sort(sorted);
                split.append(e.getKey());
                column.append(examples.get(e.getKey()).columnNames().get(c));
                median.append(percentile(sorted, 0.5));
                p95.append(percentile(sorted, 0.95));
                max.append(sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
                truncated.append((int) Arrays.stream(sorted).filter(l -> l > maxSeqLength).count());
            }
        }
        return Table.create("text length in tokens (max_seq_length " + maxSeqLength + ")", split, column, median, p95, max, truncated);
    }

    private List<List<String>> keys(Dataset d) {
        List<List<String>> out = new ArrayList<>(d.size());
        for (int r = 0; r < d.size(); r++) {
            List<String> key = new ArrayList<>();
            for (int c = 0; c < trainer.textColumns(); c++) {
                key.add(d.column(c).get(r));
            }
            if (d.targets() != null) {
                key.add(String.valueOf(d.targets()[r]));
            }
            out.add(key);
        }
        return out;
    }

    private static int percentile(int[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1 < 0 ? 0 : Math.ceil(q * sorted.length) - 1)];
    }

    private static boolean isNumber(String v) {
        try {
            Double.parseDouble(v.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
