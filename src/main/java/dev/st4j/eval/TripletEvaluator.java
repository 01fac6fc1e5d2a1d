package dev.st4j.eval;

import dev.st4j.model.EncodeOptions;
import dev.st4j.model.SentenceTransformer;
import dev.st4j.ops.Cosine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** triplet evaluation: the share of triplets whose anchor is closer (cosine) to the positive than to the negative. */
public final class TripletEvaluator implements Evaluator {
    private final List<String> anchors;
    private final List<String> positives;
    private final List<String> negatives;
    private final int batchSize;

    /** An evaluator over aligned anchor, positive and negative lists. */
    public TripletEvaluator(List<String> anchors, List<String> positives, List<String> negatives, int batchSize) {
        if (anchors.size() != positives.size() || anchors.size() != negatives.size() || anchors.isEmpty()) {
            throw new IllegalArgumentException("triplet columns must be non-empty and of equal length");
        }
        this.anchors = anchors;
        this.positives = positives;
        this.negatives = negatives;
        this.batchSize = batchSize;
    }

    @Override
    public Map<String, Double> evaluate(SentenceTransformer model) {
        EncodeOptions o = EncodeOptions.DEFAULTS.withBatchSize(batchSize);
        return metrics(model.encode(anchors, o), model.encode(positives, o), model.encode(negatives, o));
    }

    /** The metric for embeddings already computed. */
    public static Map<String, Double> metrics(float[][] a, float[][] p, float[][] n) {
        int correct = 0;
        for (int i = 0; i < a.length; i++) {
            if (Cosine.of(a[i], p[i]) > Cosine.of(a[i], n[i])) {
                correct++;
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("cosine_accuracy", (double) correct / a.length);
        return out;
    }

    @Override
    public String primaryMetric() {
        return "cosine_accuracy";
    }
}
