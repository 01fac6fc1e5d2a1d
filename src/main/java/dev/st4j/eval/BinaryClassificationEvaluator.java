package dev.st4j.eval;

import dev.st4j.model.EncodeOptions;
import dev.st4j.model.SentenceTransformer;
import dev.st4j.similarity.SimilarityFunction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * pair_class evaluation with two labels: treats the cosine of the two sentences as a classifier score
 * and reports accuracy and F1 (with precision and recall) at the best threshold, found on the data
 * evaluated, and the average precision, as sentence-transformers does.
 */
public final class BinaryClassificationEvaluator implements Evaluator {
    private final List<String> sentences1;
    private final List<String> sentences2;
    private final int[] labels;
    private final int batchSize;
    private final SimilarityFunction similarity;

    /** An evaluator over sentence pairs with 0/1 labels, by cosine. */
    public BinaryClassificationEvaluator(List<String> sentences1, List<String> sentences2, int[] labels, int batchSize) {
        this(sentences1, sentences2, labels, batchSize, SimilarityFunction.COSINE);
    }

    /** An evaluator over sentence pairs with 0/1 labels, scored by {@code similarity}. */
    public BinaryClassificationEvaluator(List<String> sentences1, List<String> sentences2, int[] labels, int batchSize,
            SimilarityFunction similarity) {
        for (int l : labels) {
            if (l != 0 && l != 1) {
                throw new IllegalArgumentException("binary classification labels must be 0 or 1, got " + l);
            }
        }
        this.sentences1 = sentences1;
        this.sentences2 = sentences2;
        this.labels = labels.clone();
        this.batchSize = batchSize;
        this.similarity = similarity;
    }

    @Override
    public Map<String, Double> evaluate(SentenceTransformer model) {
        List<String> unique = new ArrayList<>(new LinkedHashSet<>(sentences1));
        unique.addAll(sentences2);
        unique = new ArrayList<>(new LinkedHashSet<>(unique));
        float[][] emb = model.encode(unique, EncodeOptions.DEFAULTS.withBatchSize(batchSize));
        Map<String, float[]> byText = new java.util.HashMap<>();
        for (int i = 0; i < unique.size(); i++) {
            byText.put(unique.get(i), emb[i]);
        }
        double[] scores = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            scores[i] = similarity.of(byText.get(sentences1.get(i)), byText.get(sentences2.get(i)));
        }
        return metrics(scores, labels, similarity.id());
    }

    /** The metrics for cosine scores already computed. */
    public static Map<String, Double> metrics(double[] scores, int[] labels) {
        return metrics(scores, labels, SimilarityFunction.COSINE.id());
    }

    /** The metrics for scores already computed, named after the similarity function {@code fn} ({@code dot_ap}, …). */
    public static Map<String, Double> metrics(double[] scores, int[] labels, String fn) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        int n = scores.length;
        int positives = Arrays.stream(labels).sum();

        double bestAcc = -1;
        double accThreshold = -1;
        int positivesSoFar = 0;
        int remainingNegatives = n - positives;
        double bestF1 = 0;
        double bestPrecision = 0;
        double bestRecall = 0;
        double f1Threshold = 0;
        int extracted = 0;
        int correct = 0;
        for (int r = 0; r < n - 1; r++) {
            int i = order[r];
            double mid = (scores[i] + scores[order[r + 1]]) / 2;
            if (labels[i] == 1) {
                positivesSoFar++;
            } else {
                remainingNegatives--;
            }
            double acc = (double) (positivesSoFar + remainingNegatives) / n;
            if (acc > bestAcc) {
                bestAcc = acc;
                accThreshold = mid;
            }
            extracted++;
            if (labels[i] == 1) {
                correct++;
            }
            if (correct > 0) {
                double precision = (double) correct / extracted;
                double recall = (double) correct / positives;
                double f1 = 2 * precision * recall / (precision + recall);
                if (f1 > bestF1) {
                    bestF1 = f1;
                    bestPrecision = precision;
                    bestRecall = recall;
                    f1Threshold = mid;
                }
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(fn + "_accuracy", bestAcc);
        out.put(fn + "_accuracy_threshold", accThreshold);
        out.put(fn + "_f1", bestF1);
        out.put(fn + "_precision", bestPrecision);
        out.put(fn + "_recall", bestRecall);
        out.put(fn + "_f1_threshold", f1Threshold);
        out.put(fn + "_ap", averagePrecision(scores, labels, order, positives));
        return out;
    }

    /** scikit-learn's average_precision_score: Σ (R_k − R_{k−1}) · P_k over distinct score thresholds. */
    static double averagePrecision(double[] scores, int[] labels, Integer[] descending, int positives) {
        if (positives == 0) {
            return 0;
        }
        double ap = 0;
        double prevRecall = 0;
        int tp = 0;
        int seen = 0;
        for (int r = 0; r < descending.length; r++) {
            int i = descending[r];
            seen++;
            tp += labels[i];
            boolean lastOfTie = r == descending.length - 1 || scores[descending[r + 1]] != scores[i];
            if (lastOfTie) {
                double recall = (double) tp / positives;
                ap += (recall - prevRecall) * ((double) tp / seen);
                prevRecall = recall;
            }
        }
        return ap;
    }

    @Override
    public String primaryMetric() {
        return similarity.id() + "_ap";
    }
}
