package dev.st4j.eval;

import dev.st4j.model.EncodeOptions;
import dev.st4j.model.SentenceTransformer;
import dev.st4j.similarity.SimilarityFunction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * triplet evaluation: the share of triplets whose anchor is more similar to the positive than to the
 * negative, by the model's similarity function; anchors are encoded as queries, the others as documents.
 */
public final class TripletEvaluator implements Evaluator {
    private final List<String> anchors;
    private final List<String> positives;
    private final List<String> negatives;
    private final int batchSize;
    private final SimilarityFunction similarity;

    /** An evaluator over aligned anchor, positive and negative lists, by cosine. */
    public TripletEvaluator(List<String> anchors, List<String> positives, List<String> negatives, int batchSize) {
        this(anchors, positives, negatives, batchSize, SimilarityFunction.COSINE);
    }

    /** An evaluator over aligned anchor, positive and negative lists, by {@code similarity}. */
    public TripletEvaluator(List<String> anchors, List<String> positives, List<String> negatives, int batchSize,
            SimilarityFunction similarity) {
        if (anchors.size() != positives.size() || anchors.size() != negatives.size() || anchors.isEmpty()) {
            throw new IllegalArgumentException("triplet columns must be non-empty and of equal length");
        }
        this.anchors = anchors;
        this.positives = positives;
        this.negatives = negatives;
        this.batchSize = batchSize;
        this.similarity = similarity;
    }

    @Override
    public Map<String, Double> evaluate(SentenceTransformer model) {
        EncodeOptions o = EncodeOptions.DEFAULTS.withBatchSize(batchSize);
        return metrics(model.encodeQuery(anchors, o), model.encodeDocument(positives, o), model.encodeDocument(negatives, o), similarity);
    }

    /** The metric for embeddings already computed, by cosine. */
    public static Map<String, Double> metrics(float[][] a, float[][] p, float[][] n) {
        return metrics(a, p, n, SimilarityFunction.COSINE);
    }

    /** The metric for embeddings already computed. */
    public static Map<String, Double> metrics(float[][] a, float[][] p, float[][] n, SimilarityFunction similarity) {
        int correct = 0;
        for (int i = 0; i < a.length; i++) {
            if (similarity.of(a[i], p[i]) > similarity.of(a[i], n[i])) {
                correct++;
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(similarity.id() + "_accuracy", (double) correct / a.length);
        return out;
    }

    @Override
    public String primaryMetric() {
        return similarity.id() + "_accuracy";
    }
}
