package dev.st4j.view;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

/** A cosine-similarity matrix as a heatmap, sentences as axis labels, values in the cells when it is small. */
public final class SimilarityHeatmap {
    private static final int LABEL_CHARS = 28;
    private static final int MAX_ANNOTATED = 12;

    private SimilarityHeatmap() {}

    /** Renders {@code similarity} (rows and columns both {@code sentences}). */
    public static Png of(List<String> sentences, float[][] similarity) {
        int n = sentences.size();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            labels.add(shorten((i + 1) + ". " + sentences.get(i)));
        }
        List<Number[]> cells = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                cells.add(new Number[] {j, n - 1 - i, Math.round(similarity[i][j] * 100) / 100.0});
            }
        }
        List<String> yLabels = new ArrayList<>(labels);
        java.util.Collections.reverse(yLabels);
        int size = Math.max(420, 140 + 48 * n);
        HeatMapChart chart = new HeatMapChartBuilder().width(size + 260).height(size).title("cosine similarity").build();
        chart.getStyler().setShowValue(n <= MAX_ANNOTATED);
        chart.getStyler().setHeatMapDecimalValueFormatter(v -> String.format("%.2f", v));
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setMin(-1.0);
        chart.getStyler().setMax(1.0);
        chart.getStyler().setXAxisLabelRotation(45);
        chart.getStyler().setLegendVisible(true);
        chart.getStyler().setRangeColors(new java.awt.Color[] {new java.awt.Color(59, 76, 192), java.awt.Color.WHITE,
            new java.awt.Color(180, 4, 38)});
        chart.addSeries("cosine", labels, yLabels, cells);
        return Png.of(chart, "cosine similarity of " + n + " sentences");
    }

    private static String shorten(String s) {
        return s.length() <= LABEL_CHARS ? s : s.substring(0, LABEL_CHARS - 1) + "…";
    }
}
