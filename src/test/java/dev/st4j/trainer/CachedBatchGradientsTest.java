package dev.st4j.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.st4j.data.Dataset;
import dev.st4j.engine.Autograd;
import dev.st4j.loss.CachedMultipleNegativesRankingLoss;
import dev.st4j.loss.MultipleNegativesRankingLoss;
import dev.st4j.model.SentenceTransformer;
import dev.st4j.testing.Shared;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * GradCache against plain MNRL with dropout on: the loss and every parameter's gradient agree to 1e-5 when the plain
 * loss sees the same dropout draws, and the draws really differ between seeds (so the agreement is not dropout-free).
 */
class CachedBatchGradientsTest {
    private static final int ROWS = 11;
    private static final int MINI = 4;

    private static Dataset triplets() {
        List<String> a = new ArrayList<>();
        List<String> p = new ArrayList<>();
        List<String> n = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            a.add("question number " + i + " about cats and dogs" + " more".repeat(i % 3));
            p.add("answer " + i + " says the cat sat on mat " + i);
            n.add("an unrelated sentence " + (i * 7) + " on weather");
        }
        return new Dataset(Path.of("t.csv"), List.of("anchor", "positive", "negative"), List.of(a, p, n), null, null, 0);
    }

    @Test
    void gradientsEqualPlainMnrlOverTheSameDropoutDraws() throws Exception {
        Dataset data = triplets();
        List<Integer> rows = IntStream.range(0, ROWS).boxed().toList();
        int seed = 1234;
        try (SentenceTransformer model = SentenceTransformer.load(Shared.tinyModel("bert"))) {
            BatchEmbedder embedder = new BatchEmbedder(data, model, Arrays.asList(null, null, null), false);
            Map<String, NDArray> params = model.parameters();
            params.values().forEach(v -> v.setRequiresGradient(true));

            double cachedLoss = new CachedBatchGradients(embedder, new CachedMultipleNegativesRankingLoss(), MINI)
                    .accumulate(rows, 0.5, seed);
            Map<String, float[]> cached = takeGradients(params);

            double plainLoss = plainMnrl(embedder, rows, 0.5, seed);
            Map<String, float[]> plain = takeGradients(params);

            assertEquals(plainLoss, cachedLoss, 1e-5);
            double largest = 0;
            for (String name : plain.keySet()) {
                float[] x = plain.get(name);
                float[] y = cached.get(name);
                for (int i = 0; i < x.length; i++) {
                    assertEquals(x[i], y[i], 1e-5, name + "[" + i + "]");
                    largest = Math.max(largest, Math.abs(x[i]));
                }
            }
            assertTrue(largest > 1e-3, "the gradients are not all zero: " + largest);

            plainMnrl(embedder, rows, 0.5, seed + 1);
            Map<String, float[]> otherDraws = takeGradients(params);
            String query = plain.keySet().stream().filter(k -> k.contains("query")).findFirst().orElseThrow();
            float[] a = plain.get(query);
            float[] b = otherDraws.get(query);
            double diff = 0;
            for (int i = 0; i < a.length; i++) {
                diff = Math.max(diff, Math.abs(a[i] - b[i]));
            }
            assertTrue(diff > 1e-4, "other dropout draws give other gradients (dropout is on): " + diff);
            params.values().forEach(v -> v.setRequiresGradient(false));
        }
    }

    /** MNRL over embeddings recorded with gradients, mini-batch by mini-batch under the cache's seeds, in one backward. */
    private static double plainMnrl(BatchEmbedder embedder, List<Integer> rows, double factor, int seed) {
        try (NDManager scope = embedder.manager().newSubManager();
                GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            List<NDArray> columns = new ArrayList<>();
            for (int c = 0; c < embedder.columns(); c++) {
                NDList parts = new NDList();
                for (int m = 0, start = 0; start < rows.size(); m++, start += MINI) {
                    Engine.getInstance().setRandomSeed(CachedBatchGradients.miniBatchSeed(seed, c, m));
                    parts.add(embedder.embed(c, rows.subList(start, Math.min(rows.size(), start + MINI)), scope));
                }
                columns.add(NDArrays.concat(parts, 0));
            }
            NDArray loss = new MultipleNegativesRankingLoss().compute(columns, null);
            collector.backward(loss.mul(factor));
            return loss.getFloat();
        }
    }

    private static Map<String, float[]> takeGradients(Map<String, NDArray> params) {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            try (NDArray g = e.getValue().getGradient()) {
                out.put(e.getKey(), g.toFloatArray());
            }
            Autograd.zeroGradient(e.getValue());
        }
        return out;
    }
}
