package dev.st4j.trainer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The evaluations of a run so far: every entry, the latest metrics, and the best by the primary
 * metric (the first of equal values stays best); written into each checkpoint's
 * {@code trainer_state.json}.
 */
final class EvaluationHistory {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String primaryMetric;
    private final boolean greaterIsBetter;
    private final List<Map<String, Object>> entries = new ArrayList<>();
    private Map<String, Double> last = Map.of();
    private Map<String, Double> best;
    private Integer bestStep;

    EvaluationHistory(String primaryMetric, boolean greaterIsBetter) {
        this.primaryMetric = primaryMetric;
        this.greaterIsBetter = greaterIsBetter;
    }

    /** Records an evaluation at {@code step} and says whether it is the best so far. */
    EvaluationLog record(int step, double epoch, Map<String, Double> metrics) {
        double primary = metrics.get(primaryMetric);
        boolean isBest = best == null || (greaterIsBetter ? primary > best.get(primaryMetric) : primary < best.get(primaryMetric));
        last = metrics;
        if (isBest) {
            best = metrics;
            bestStep = step;
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("step", step);
        entry.put("epoch", epoch);
        entry.putAll(metrics);
        entries.add(entry);
        return new EvaluationLog(step, epoch, metrics, primaryMetric, isBest);
    }

    /** The latest metrics (empty before the first evaluation). */
    Map<String, Double> last() {
        return last;
    }

    /** The best metrics (empty before the first evaluation). */
    Map<String, Double> best() {
        return best == null ? Map.of() : best;
    }

    /** The step of the best evaluation, or null. */
    Integer bestStep() {
        return bestStep;
    }

    /** {@code trainer_state.json} at {@code step}: the position, the best so far and every evaluation. */
    String stateJson(int step, double epoch) {
        ObjectNode s = JSON.createObjectNode();
        s.put("global_step", step);
        s.put("epoch", epoch);
        s.put("best_step", bestStep);
        s.put("best_metric", best == null ? null : best.get(primaryMetric));
        s.set("eval_history", JSON.valueToTree(entries));
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
