package dev.st4j.eval;

import dev.st4j.similarity.SimilarityFunction;
import java.util.LinkedHashMap;
import java.util.Map;

/** Metric names carry the similarity function they were computed with ({@code cosine_ap}, {@code dot_ap}), as in Python. */
final class MetricNames {
    private MetricNames() {}

    /** {@code metrics} with the {@code cosine_} prefix replaced by {@code function}'s. */
    static Map<String, Double> withFunction(Map<String, Double> metrics, SimilarityFunction function) {
        if (function == SimilarityFunction.COSINE) {
            return metrics;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        metrics.forEach((k, v) -> out.put(k.startsWith("cosine_") ? function.id() + k.substring("cosine".length()) : k, v));
        return out;
    }
}
