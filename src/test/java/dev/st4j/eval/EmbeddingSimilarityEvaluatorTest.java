package dev.st4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Correlations and distances on embeddings whose similarities are known by construction. */
class EmbeddingSimilarityEvaluatorTest {

    @Test
    void metricsOnHandMadeEmbeddings() {
        float[][] a = {{1, 0}, {1, 0}, {1, 0}, {1, 0}};
        float[][] b = {{1, 0}, {1, 1}, {0, 1}, {-1, 0}};
        double[] gold = {5, 3, 1, 0};
        Map<String, Double> m = EmbeddingSimilarityEvaluator.metrics(a, b, gold);
        assertEquals(1.0, m.get("spearman_cosine"), 1e-12, "cosines 1, .707, 0, -1 are in gold order");
        double[] cos = {1, Math.sqrt(0.5), 0, -1};
        double meanC = (cos[0] + cos[1] + cos[2] + cos[3]) / 4;
        double meanG = 9 / 4.0;
        double num = 0;
        double dc = 0;
        double dg = 0;
        for (int i = 0; i < 4; i++) {
            num += (cos[i] - meanC) * (gold[i] - meanG);
            dc += (cos[i] - meanC) * (cos[i] - meanC);
            dg += (gold[i] - meanG) * (gold[i] - meanG);
        }
        assertEquals(num / Math.sqrt(dc * dg), m.get("pearson_cosine"), 1e-9);
        double mse = (Math.pow(1 - 1, 2) + Math.pow(cos[1] - 0.6, 2) + Math.pow(0 - 0.2, 2) + Math.pow(-1 - 0, 2)) / 4;
        assertEquals(mse, m.get("mse_cosine"), 1e-9, "gold scaled by its maximum, 5");
        assertEquals(1.0, m.get("spearman_euclidean"), 1e-12, "distances 0, 1, 1.41, 2 reversed");
        assertEquals(4.5 / Math.sqrt(4.5 * 5), m.get("spearman_dot"), 1e-12, "dots 1, 1, 0, -1: ranks (3.5, 3.5, 2, 1)");
    }

    @Test
    void tiesGetAverageRanks() {
        float[][] a = {{1, 0}, {1, 0}, {1, 0}};
        float[][] b = {{1, 0}, {1, 0}, {0, 1}};
        Map<String, Double> m = EmbeddingSimilarityEvaluator.metrics(a, b, new double[] {2, 1, 0});
        assertEquals(Math.sqrt(3) / 2, m.get("spearman_cosine"), 1e-9, "ranks (2.5, 2.5, 1) vs (3, 2, 1)");
    }
}
