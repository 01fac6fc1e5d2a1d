package dev.st4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Retrieval, binary-classification, triplet and label metrics on cases worked out by hand. */
class RetrievalAndClassificationMetricsTest {

    @Test
    void retrievalMetrics() {
        List<List<String>> rankings = List.of(List.of("d1", "d2", "d3"), List.of("d3", "d1", "d2"));
        List<Set<String>> relevant = List.of(Set.of("d2"), Set.of("d2", "d3"));
        Map<String, Double> m = InformationRetrievalEvaluator.metrics(rankings, relevant);
        assertEquals((1.0 / 2 + 1.0) / 2, m.get("cosine_mrr@10"), 1e-12, "q1 hit at rank 2, q2 at rank 1");
        assertEquals((0 + 1) / 2.0, m.get("cosine_accuracy@1"), 1e-12);
        assertEquals(1.0, m.get("cosine_accuracy@3"), 1e-12);
        assertEquals((0 + 0.5) / 2, m.get("cosine_recall@1"), 1e-12);
        assertEquals((1.0 / 3 + 2.0 / 3) / 2, m.get("cosine_precision@3"), 1e-12);
        double log2of3 = Math.log(3) / Math.log(2);
        double ndcg1 = (1 / log2of3) / 1.0;
        double ndcg2 = (1 + 1 / 2.0) / (1 + 1 / log2of3);
        assertEquals((ndcg1 + ndcg2) / 2, m.get("cosine_ndcg@10"), 1e-12);
        double ap1 = 0.5;
        double ap2 = (1 + 2.0 / 3) / 2;
        assertEquals((ap1 + ap2) / 2, m.get("cosine_map@100"), 1e-12);
    }

    @Test
    void binaryClassificationThresholdsAndAveragePrecision() {
        double[] scores = {0.9, 0.8, 0.7, 0.4, 0.3};
        int[] labels = {1, 0, 1, 0, 0};
        Map<String, Double> m = BinaryClassificationEvaluator.metrics(scores, labels);
        assertEquals(0.8, m.get("cosine_accuracy"), 1e-12, "threshold between 0.9 and 0.8: 1 TP + 3 TN of 5");
        assertEquals(0.85, m.get("cosine_accuracy_threshold"), 1e-12);
        assertEquals(0.8, m.get("cosine_f1"), 1e-12, "threshold between 0.7 and 0.4: P 2/3, R 1");
        assertEquals(2.0 / 3, m.get("cosine_precision"), 1e-12);
        assertEquals(1.0, m.get("cosine_recall"), 1e-12);
        assertEquals(0.55, m.get("cosine_f1_threshold"), 1e-12);
        assertEquals(0.5 * 1 + 0.5 * (2.0 / 3), m.get("cosine_ap"), 1e-12, "AP = Σ ΔR · P");
    }

    @Test
    void averagePrecisionGroupsTiedScores() {
        Map<String, Double> m = BinaryClassificationEvaluator.metrics(new double[] {0.5, 0.5, 0.1}, new int[] {0, 1, 1});
        assertEquals(0.5 * 0.5 + 0.5 * (2.0 / 3), m.get("cosine_ap"), 1e-12, "the tie counts as one threshold: R .5 at P .5");
    }

    @Test
    void tripletAccuracy() {
        float[][] a = {{1, 0}, {1, 0}};
        float[][] p = {{1, 0.1f}, {0, 1}};
        float[][] n = {{0, 1}, {1, 0.1f}};
        assertEquals(0.5, TripletEvaluator.metrics(a, p, n).get("cosine_accuracy"), 1e-12);
    }

    @Test
    void labelAccuracyAndMacroF1() {
        Map<String, Double> m = LabelAccuracyEvaluator.metrics(new int[] {0, 1, 2, 2}, new int[] {0, 1, 1, 2}, 3);
        assertEquals(0.75, m.get("accuracy"), 1e-12);
        assertEquals((1.0 + 2.0 / 3 + 2.0 / 3) / 3, m.get("macro_f1"), 1e-12);
    }

    @Test
    void metricNamesCarryTheModelsSimilarityFunction() {
        double[] scores = {0.9, 0.2, 0.7, 0.4};
        int[] labels = {1, 0, 1, 0};
        Map<String, Double> cosine = BinaryClassificationEvaluator.metrics(scores, labels);
        Map<String, Double> dot = BinaryClassificationEvaluator.metrics(scores, labels, "dot");
        org.junit.jupiter.api.Assertions.assertEquals(cosine.get("cosine_ap"), dot.get("dot_ap"));
        org.junit.jupiter.api.Assertions.assertTrue(dot.keySet().stream().allMatch(k -> k.startsWith("dot_")), dot.keySet().toString());
        Map<String, Double> ir = InformationRetrievalEvaluator.metrics(java.util.List.of(java.util.List.of("d1", "d2")),
                java.util.List.of(java.util.Set.of("d2")), "manhattan");
        org.junit.jupiter.api.Assertions.assertEquals(0.5, ir.get("manhattan_mrr@10"), 1e-12);
        org.junit.jupiter.api.Assertions.assertTrue(ir.keySet().stream().allMatch(k -> k.startsWith("manhattan_")), ir.keySet().toString());
        org.junit.jupiter.api.Assertions.assertEquals("dot_ap",
                new BinaryClassificationEvaluator(java.util.List.of("a"), java.util.List.of("b"), new int[] {1}, 8,
                        dev.st4j.similarity.SimilarityFunction.DOT).primaryMetric());
    }
}
