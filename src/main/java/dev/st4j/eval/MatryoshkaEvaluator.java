package dev.st4j.eval;

import dev.st4j.model.SentenceTransformer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An evaluator run at each Matryoshka width: the model's embeddings cut to each dimension in turn, the metrics
 * named {@code dim_<d>_<metric>} (as sentence-transformers' Matryoshka examples name them). The primary metric is
 * the widest dimension's.
 */
public final class MatryoshkaEvaluator implements Evaluator {
    private final Evaluator inner;
    private final int[] dims;

    /** {@code inner} at each of {@code dims} (kept largest first). */
    public MatryoshkaEvaluator(Evaluator inner, int[] dims) {
        this.inner = inner;
        this.dims = Arrays.stream(dims).boxed().sorted((a, b) -> b - a).mapToInt(Integer::intValue).toArray();
    }

    @Override
    public Map<String, Double> evaluate(SentenceTransformer model) {
        Integer before = model.truncateDim();
        Map<String, Double> out = new LinkedHashMap<>();
        try {
            for (int dim : dims) {
                model.setTruncateDim(Math.min(dim, model.dimension()));
                inner.evaluate(model).forEach((k, v) -> out.put(prefix(dim) + k, v));
            }
        } finally {
            model.setTruncateDim(before);
        }
        return out;
    }

    @Override
    public String primaryMetric() {
        return prefix(dims[0]) + inner.primaryMetric();
    }

    @Override
    public boolean greaterIsBetter() {
        return inner.greaterIsBetter();
    }

    private static String prefix(int dim) {
        return "dim_" + dim + "_";
    }
}
