package dev.st4j.mining;

import dev.st4j.io.AtomicFiles;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvWriteOptions;

/**
 * Mined examples as the triplet trainer reads them: {@code triplet} (one anchor, positive, negative row per
 * negative) or {@code n-tuple} (anchor, positive, negative_1 … negative_n; pairs with fewer negatives are left out),
 * each with its scores.
 */
public final class MinedTable {
    private MinedTable() {}

    /** The table in {@code format} ({@code triplet} or {@code n-tuple}) for {@code n} negatives per pair. */
    public static Table of(List<MinedExample> examples, String format, int n) {
        return switch (format) {
            case "triplet" -> triplets(examples);
            case "n-tuple" -> tuples(examples, n);
            default -> throw new IllegalArgumentException("--format: '" + format + "' is not one of triplet, n-tuple");
        };
    }

    /** Writes the table as CSV, through a temporary file renamed when complete. */
    public static void write(Table table, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            table.write().csv(CsvWriteOptions.builder(w).build());
            w.flush();
        });
    }

    private static Table triplets(List<MinedExample> examples) {
        StringColumn anchor = StringColumn.create("anchor");
        StringColumn positive = StringColumn.create("positive");
        StringColumn negative = StringColumn.create("negative");
        DoubleColumn positiveScore = DoubleColumn.create("positive_score");
        DoubleColumn negativeScore = DoubleColumn.create("negative_score");
        for (MinedExample e : examples) {
            for (int k = 0; k < e.negatives().size(); k++) {
                anchor.append(e.anchor());
                positive.append(e.positive());
                negative.append(e.negatives().get(k));
                positiveScore.append(e.positiveScore());
                negativeScore.append(e.negativeScores().get(k));
            }
        }
        return Table.create("mined", anchor, positive, negative, positiveScore, negativeScore);
    }

    private static Table tuples(List<MinedExample> examples, int n) {
        Table t = Table.create("mined", StringColumn.create("anchor"), StringColumn.create("positive"));
        for (int k = 1; k <= n; k++) {
            t.addColumns(StringColumn.create("negative_" + k));
        }
        t.addColumns(DoubleColumn.create("positive_score"));
        for (int k = 1; k <= n; k++) {
            t.addColumns(DoubleColumn.create("negative_" + k + "_score"));
        }
        for (MinedExample e : examples) {
            if (e.negatives().size() < n) {
                continue;
            }
            t.stringColumn("anchor").append(e.anchor());
            t.stringColumn("positive").append(e.positive());
            t.doubleColumn("positive_score").append(e.positiveScore());
            for (int k = 1; k <= n; k++) {
                t.stringColumn("negative_" + k).append(e.negatives().get(k - 1));
                t.doubleColumn("negative_" + k + "_score").append(e.negativeScores().get(k - 1));
            }
        }
        return t;
    }
}
