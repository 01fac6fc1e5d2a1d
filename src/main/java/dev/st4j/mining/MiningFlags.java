package dev.st4j.mining;

import dev.st4j.data.DataFiles;
import dev.st4j.data.TableReader;
import dev.st4j.model.SentenceTransformer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

/**
 * The flags of {@code st4j mine-hard-negatives} and {@code %st_mine}: where the pairs and the corpus are, how to
 * choose negatives, where to write them; and the run they describe.
 */
public final class MiningFlags {
    private static final List<String> ANCHOR_NAMES = List.of("anchor", "sentence1", "query", "premise");
    private static final List<String> POSITIVE_NAMES = List.of("positive", "sentence2", "answer", "hypothesis");

    @Option(names = "--model", required = true, description = "Model that scores the candidates: folder, Hub id (or, in a notebook, a model variable).")
    public String model;

    @Option(names = "--data-path", required = true, description = "(anchor, positive) pairs: a CSV/JSONL/JSON file, or a folder with one file per split.")
    Path dataPath;

    @Option(names = "--split", defaultValue = "train", description = "Split of a data folder (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--anchor-column", description = "Anchor column (default: anchor, sentence1, query or premise, else the first).")
    String anchorColumn;

    @Option(names = "--positive-column", description = "Positive column (default: positive, sentence2, answer or hypothesis, else the second).")
    String positiveColumn;

    @Option(names = "--corpus", description = "Candidate negatives: a CSV/JSONL with a text column (default: the positives).")
    Path corpus;

    @Option(names = "--corpus-column", defaultValue = "text", description = "Text column of --corpus (default: ${DEFAULT-VALUE}, else the last).")
    String corpusColumn;

    @Option(names = "--max-samples", description = "Use only the first N pairs.")
    public Integer maxSamples;

    @Option(names = "--max-corpus", description = "Use only the first N documents of --corpus.")
    public Integer maxCorpus;

    @Option(names = "--output", description = "CSV to write, ready for the triplet trainer.")
    public Path output;

    @Option(names = "--num-negatives", defaultValue = "1", description = "Negatives per pair (default: ${DEFAULT-VALUE}).")
    int numNegatives;

    @Option(names = "--top-k", defaultValue = "10", description = "Most similar candidates considered per anchor (default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--max-score", description = "Skip candidates scoring above this (likely unlabelled positives).")
    Double maxScore;

    @Option(names = "--margin", description = "Skip candidates scoring above the positive's score minus this.")
    Double margin;

    @Option(names = "--format", defaultValue = "triplet", description = "triplet (a row per negative) or n-tuple (negative_1..n per row).")
    public String format;

    @Option(names = "--block-size", defaultValue = "1024", description = "Anchors and candidates scored per block (default: ${DEFAULT-VALUE}).")
    int blockSize;

    @Option(names = "--batch-size", defaultValue = "32", description = "Texts encoded per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    /** Whether candidates come from a corpus file (else from the positives). */
    public boolean hasCorpus() {
        return corpus != null;
    }

    /** Reads the pairs (and corpus), mines with {@code scorer}, and returns the table in the chosen format. */
    public Table mine(SentenceTransformer scorer) throws IOException {
        MiningOptions options = options();
        Path file = pairsFile();
        Table pairs = TableReader.read(file);
        if (maxSamples != null) {
            pairs = pairs.first(samples());
        }
        String a = anchorColumn(pairs.columnNames(), file);
        String p = positiveColumn(pairs.columnNames(), file);
        List<String> candidates = null;
        if (corpus != null) {
            Table c = TableReader.read(corpus);
            if (maxCorpus != null) {
                c = c.first(corpusSize());
            }
            candidates = c.column(corpusColumn(c.columnNames())).asStringColumn().asList();
        }
        List<MinedExample> mined = new HardNegativeMiner(scorer, options).mine(pairs.column(a).asStringColumn().asList(),
                pairs.column(p).asStringColumn().asList(), candidates);
        return table(mined);
    }

    /** How negatives are chosen. */
    public MiningOptions options() {
        return new MiningOptions(numNegatives, topK, maxScore, margin, blockSize, batchSize);
    }

    /** The mined examples as the table {@code --format} asks for. */
    public Table table(List<MinedExample> mined) {
        return MinedTable.of(mined, format, numNegatives);
    }

    /** The file of (anchor, positive) pairs: {@code --data-path}, or its {@code --split} file when it is a folder. */
    public Path pairsFile() throws IOException {
        return DataFiles.resolve(dataPath, split);
    }

    /** The corpus file, or null when candidates come from the positives. */
    public Path corpus() {
        return corpus;
    }

    /** {@code --max-samples}, checked. */
    public int samples() {
        return positive(maxSamples, "--max-samples");
    }

    /** {@code --max-corpus}, checked. */
    public int corpusSize() {
        return positive(maxCorpus, "--max-corpus");
    }

    /** The anchor column among {@code columns} of {@code file}: {@code --anchor-column}, else a conventional name, else the first. */
    public String anchorColumn(List<String> columns, Path file) {
        return column(columns, anchorColumn, ANCHOR_NAMES, 0, file, "--anchor-column");
    }

    /** The positive column: {@code --positive-column}, else a conventional name, else the second. */
    public String positiveColumn(List<String> columns, Path file) {
        return column(columns, positiveColumn, POSITIVE_NAMES, 1, file, "--positive-column");
    }

    /** The corpus's text column: {@code --corpus-column} when present, else the last. */
    public String corpusColumn(List<String> columns) {
        return columns.contains(corpusColumn) ? corpusColumn : columns.get(columns.size() - 1);
    }

    private static int positive(int n, String flag) {
        if (n < 1) {
            throw new IllegalArgumentException(flag + ": must be >= 1, got " + n);
        }
        return n;
    }

    private static String column(List<String> columns, String asked, List<String> conventional, int position, Path file, String flag) {
        if (asked != null) {
            if (!columns.contains(asked)) {
                throw new IllegalArgumentException(flag + ": " + file + " has no column '" + asked + "' (columns: " + columns + ")");
            }
            return asked;
        }
        for (String name : conventional) {
            if (columns.contains(name)) {
                return name;
            }
        }
        if (columns.size() <= position) {
            throw new IllegalArgumentException(file + ": expected two text columns (anchor, positive), found " + columns);
        }
        return columns.get(position);
    }
}
