package dev.st4j.eval;

import dev.st4j.model.EncodeOptions;
import dev.st4j.model.SentenceTransformer;
import dev.st4j.ops.Cosine;
import dev.st4j.similarity.SimilarityFunction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * pair_score evaluation: how well similarities of the two sentences' embeddings follow the gold
 * scores. Pearson and Spearman correlations (ties get average ranks) for cosine, Manhattan and
 * Euclidean (as negative distances) and dot product, plus the mean squared error between cosine and
 * the gold scores scaled to 0..1.
 */
public final class EmbeddingSimilarityEvaluator implements Evaluator {
    private final List<String> sentences1;
    private final List<String> sentences2;
    private final double[] scores;
    private final int batchSize;
    private final SimilarityFunction similarity;

    /** An evaluator over paired sentences and their gold scores (any scale), whose primary metric is cosine's. */
    public EmbeddingSimilarityEvaluator(List<String> sentences1, List<String> sentences2, double[] scores, int batchSize) {
        this(sentences1, sentences2, scores, batchSize, SimilarityFunction.COSINE);
    }

    /** As the cosine evaluator, with the Spearman correlation of {@code similarity} as the primary metric. */
    public EmbeddingSimilarityEvaluator(List<String> sentences1, List<String> sentences2, double[] scores, int batchSize,
            SimilarityFunction similarity) {
        if (sentences1.size() != sentences2.size() || sentences1.size() != scores.length) {
            throw new IllegalArgumentException("sentence lists and scores differ in length");
        }
        if (scores.length < 2) {
            throw new IllegalArgumentException("correlation needs at least 2 pairs, got " + scores.length);
        }
        this.sentences1 = sentences1;
        this.sentences2 = sentences2;
        this.scores = scores.clone();
        this.batchSize = batchSize;
        this.similarity = similarity;
    }

    @Override
    public Map<String, Double> evaluate(SentenceTransformer model) {
        EncodeOptions options = EncodeOptions.DEFAULTS.withBatchSize(batchSize);
        float[][] a = model.encode(sentences1, options);
        float[][] b = model.encode(sentences2, options);
        return metrics(a, b, scores);
    }

    /** The metrics for embeddings already computed. */
    public static Map<String, Double> metrics(float[][] a, float[][] b, double[] gold) {
        int n = gold.length;
        double[] cosine = new double[n];
        double[] manhattan = new double[n];
        double[] euclidean = new double[n];
        double[] dot = new double[n];
        for (int i = 0; i < n; i++) {
            double d = 0;
            double l1 = 0;
            double l2 = 0;
            for (int j = 0; j < a[i].length; j++) {
                d += (double) a[i][j] * b[i][j];
                double diff = a[i][j] - b[i][j];
                l1 += Math.abs(diff);
                l2 += diff * diff;
            }
            cosine[i] = Cosine.of(a[i], b[i]);
            manhattan[i] = -l1;
            euclidean[i] = -Math.sqrt(l2);
            dot[i] = d;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        put(out, "cosine", cosine, gold);
        put(out, "manhattan", manhattan, gold);
        put(out, "euclidean", euclidean, gold);
        put(out, "dot", dot, gold);
        double max = 0;
        for (double g : gold) {
            max = Math.max(max, Math.abs(g));
        }
        double scale = max > 1 ? max : 1;
        double mse = 0;
        for (int i = 0; i < n; i++) {
            double e = cosine[i] - gold[i] / scale;
            mse += e * e;
        }
        out.put("mse_cosine", mse / n);
        return out;
    }

    private static void put(Map<String, Double> out, String name, double[] x, double[] gold) {
        out.put("pearson_" + name, new PearsonsCorrelation().correlation(x, gold));
        out.put("spearman_" + name, new SpearmansCorrelation().correlation(x, gold));
    }

    @Override
    public String primaryMetric() {
        return "spearman_" + similarity.id();
    }
}
