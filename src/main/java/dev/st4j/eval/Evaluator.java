package dev.st4j.eval;

import dev.st4j.model.SentenceTransformer;
import java.util.Map;

/**
 * Measures a model on held-out data and names its metrics as sentence-transformers does. Each
 * evaluator has a primary metric, which early stopping and best-model selection follow.
 */
public interface Evaluator {
    /** Runs the evaluation; metrics in a stable order. */
    Map<String, Double> evaluate(SentenceTransformer model);

    /** The metric that decides which model is best. */
    String primaryMetric();

    /** True when a larger primary metric is better. */
    default boolean greaterIsBetter() {
        return true;
    }
}
