package dev.st4j.view;

import dev.st4j.trainer.EvaluationLog;
import dev.st4j.trainer.StepLog;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The figure of a training run: training loss and learning rate per logged step, and the validation's
 * primary metric per evaluation, as three panels of one PNG.
 */
public final class TrainingCurves {
    private static final int PANEL_WIDTH = 340;
    private static final int PANEL_HEIGHT = 250;

    private final List<Double> logSteps = new ArrayList<>();
    private final List<Double> losses = new ArrayList<>();
    private final List<Double> learningRates = new ArrayList<>();
    private final List<Double> evalSteps = new ArrayList<>();
    private final List<Double> metrics = new ArrayList<>();
    private String metricName = "validation metric";
    private int totalSteps;

    /** Sets the x-axis range. */
    public void totalSteps(int steps) {
        this.totalSteps = steps;
    }

    /** Adds a logged step. */
    public void add(StepLog log) {
        logSteps.add((double) log.step());
        losses.add(log.loss());
        learningRates.add(log.learningRate());
        totalSteps = Math.max(totalSteps, log.totalSteps());
    }

    /** Adds an evaluation. */
    public void add(EvaluationLog log) {
        evalSteps.add((double) log.step());
        metrics.add(log.primary());
        metricName = log.primaryMetric();
    }

    /** Logged steps so far. */
    public int loggedSteps() {
        return logSteps.size();
    }

    /** The figure as it stands. */
    public Png render() {
        BufferedImage image = new BufferedImage(3 * PANEL_WIDTH, PANEL_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.drawImage(BitmapEncoder.getBufferedImage(panel("training loss", "loss", logSteps, losses, new Color(31, 119, 180))), 0, 0, null);
            g.drawImage(BitmapEncoder.getBufferedImage(panel("learning rate", "lr", logSteps, learningRates, new Color(255, 127, 14))),
                    PANEL_WIDTH, 0, null);
            g.drawImage(BitmapEncoder.getBufferedImage(panel(metricName, "validation", evalSteps, metrics, new Color(44, 160, 44))),
                    2 * PANEL_WIDTH, 0, null);
        } finally {
            g.dispose();
        }
        return Png.of(image, "training curves: " + logSteps.size() + " logged steps, " + evalSteps.size() + " evaluations");
    }

    private XYChart panel(String title, String series, List<Double> x, List<Double> y, Color color) {
        XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT).title(title).xAxisTitle("step").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesColor(new Color(230, 230, 230));
        chart.getStyler().setXAxisMin(0.0);
        if (totalSteps > 0) {
            chart.getStyler().setXAxisMax((double) totalSteps);
        }
        if (x.isEmpty()) {
            XYSeries empty = chart.addSeries(series, new double[] {0}, new double[] {0});
            empty.setLineColor(Color.WHITE);
            empty.setMarker(SeriesMarkers.NONE);
            return chart;
        }
        XYSeries s = chart.addSeries(series, x, y);
        s.setLineColor(color);
        s.setMarkerColor(color);
        s.setMarker(x.size() <= 30 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        return chart;
    }
}
