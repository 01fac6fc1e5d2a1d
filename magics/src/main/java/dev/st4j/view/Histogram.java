package dev.st4j.view;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/** Bar charts of counts: a histogram of numbers, or the count of each category. */
public final class Histogram {
    private Histogram() {}

    /** A histogram of {@code values} in {@code bins} equal-width bins. */
    public static Png of(String title, String xTitle, double[] values, int bins) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (values.length == 0) {
            min = 0;
            max = 1;
        }
        double width = max > min ? (max - min) / bins : 1;
        long[] counts = new long[bins];
        for (double v : values) {
            counts[Math.min(bins - 1, (int) ((v - min) / width))]++;
        }
        List<String> labels = new ArrayList<>();
        List<Long> ys = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            labels.add(trim(min + b * width));
            ys.add(counts[b]);
        }
        return bars(title, xTitle + " (bin start)", labels, ys);
    }

    /** One bar per category. */
    public static Png bars(String title, String xTitle, List<String> categories, List<? extends Number> counts) {
        CategoryChart chart = new CategoryChartBuilder().width(480).height(280).title(title).xAxisTitle(xTitle).yAxisTitle("rows").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisLabelRotation(categories.size() > 8 ? 45 : 0);
        chart.addSeries("rows", categories, counts).setFillColor(new Color(31, 119, 180));
        return Png.of(chart, title);
    }

    private static String trim(double v) {
        return Math.abs(v - Math.rint(v)) < 1e-9 ? String.valueOf((long) Math.rint(v)) : String.format("%.2f", v);
    }
}
