package dev.st4j.trainer;

import java.util.Map;

/** The metrics of one evaluation, and whether its primary metric is the best so far. */
public record EvaluationLog(int step, double epoch, Map<String, Double> metrics, String primaryMetric, boolean best) {

    /** The primary metric's value. */
    public double primary() {
        return metrics.get(primaryMetric);
    }
}
