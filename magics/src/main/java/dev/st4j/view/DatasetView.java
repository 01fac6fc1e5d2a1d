package dev.st4j.view;

import dev.st4j.data.ColumnNames;
import dev.st4j.data.Dataset;
import dev.st4j.data.DatasetSummary;
import dev.st4j.kind.Target;
import dev.st4j.kind.TrainerKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How {@code %st_data} shows a {@link DatasetSummary}: its tables, the first rows, the score or label
 * distribution and a histogram of text lengths in tokens.
 */
public final class DatasetView {
    private static final int PREVIEW_ROWS = 5;

    private final DatasetSummary summary;

    /** A view of {@code summary}. */
    public DatasetView(DatasetSummary summary) {
        this.summary = summary;
    }

    /** Reads the data and views it (see {@link DatasetSummary#open}). */
    public static DatasetView open(Path path, TrainerKind trainer, ColumnNames columns, int maxSeqLength, Path tokenizerDir)
            throws IOException {
        return new DatasetView(DatasetSummary.open(path, trainer, columns, maxSeqLength, tokenizerDir));
    }

    /** The statistics behind the view, for further work with Tablesaw. */
    public DatasetSummary summary() {
        return summary;
    }

    /** The whole view as notebook outputs: tables and charts. */
    public Outputs render() {
        TrainerKind trainer = summary.trainer();
        List<Object> parts = new ArrayList<>();
        parts.add(new Html("<h4>" + Html.escape(summary.path().toString()) + " — read for the <code>" + trainer.cliName()
                + "</code> trainer</h4>"));
        parts.add(TableHtml.of(summary.splitSummary(), 10));
        String firstSplit = summary.splits().get(0);
        parts.add(TableHtml.of(summary.columnSummary(firstSplit), 20));
        parts.add(TableHtml.of(summary.table(firstSplit).first(PREVIEW_ROWS).setName("first rows of " + firstSplit), PREVIEW_ROWS));
        Dataset d = summary.examples(firstSplit);
        String targetColumn = trainer.hasTarget() ? d.columnNames().get(trainer.textColumns()) : null;
        if (trainer.target() == Target.SCORE) {
            parts.add(Histogram.of("score distribution (" + firstSplit + ")", targetColumn, d.targets(), 10));
        } else if (trainer.target() == Target.LABEL) {
            Map<String, Long> counts = new TreeMap<>();
            for (double t : d.targets()) {
                counts.merge(d.labels().get((int) t), 1L, Long::sum);
            }
            parts.add(Histogram.bars("label balance (" + firstSplit + ")", targetColumn, new ArrayList<>(counts.keySet()),
                    new ArrayList<>(counts.values())));
        }
        int[][] lengths = summary.tokenLengths(firstSplit);
        if (lengths != null) {
            parts.add(TableHtml.of(summary.lengthSummary(), 20));
            double[] all = Arrays.stream(lengths).flatMapToInt(Arrays::stream).asDoubleStream().toArray();
            parts.add(Histogram.of("tokens per text (" + firstSplit + "; max_seq_length " + summary.maxSeqLength() + ")", "tokens",
                    all, 12));
        }
        return new Outputs(parts);
    }
}
