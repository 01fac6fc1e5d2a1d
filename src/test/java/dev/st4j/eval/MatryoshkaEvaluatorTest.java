package dev.st4j.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.st4j.model.EncodeOptions;
import dev.st4j.model.SentenceTransformer;
import dev.st4j.testing.Shared;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Matryoshka evaluation runs the inner evaluator on embeddings cut to each width; truncation as Python's truncate_dim. */
class MatryoshkaEvaluatorTest {
    private static final List<String> TEXTS = List.of("The man was in the city.", "It is a good day!");

    @Test
    void runsTheInnerEvaluatorAtEachWidthWidestFirstAndRestoresTheModel() throws Exception {
        List<Integer> seen = new ArrayList<>();
        Evaluator inner = new Evaluator() {
            @Override
            public Map<String, Double> evaluate(SentenceTransformer model) {
                seen.add(model.truncateDim());
                Map<String, Double> m = new LinkedHashMap<>();
                m.put("width", (double) model.encode(TEXTS)[0].length);
                m.put("score", 1.0);
                return m;
            }

            @Override
            public String primaryMetric() {
                return "score";
            }
        };
        try (SentenceTransformer model = SentenceTransformer.load(Shared.tinyModel("bert"))) {
            MatryoshkaEvaluator e = new MatryoshkaEvaluator(inner, new int[] {8, 32, 16});
            Map<String, Double> metrics = e.evaluate(model);
            assertEquals(List.of(32, 16, 8), seen);
            assertEquals(List.of("dim_32_width", "dim_32_score", "dim_16_width", "dim_16_score", "dim_8_width", "dim_8_score"),
                    List.copyOf(metrics.keySet()));
            assertEquals(16.0, metrics.get("dim_16_width"));
            assertEquals("dim_32_score", e.primaryMetric());
            assertNull(model.truncateDim(), "the model encodes at full width again");
        }
    }

    @Test
    void truncationKeepsTheLeadingDimensionsAndNormalisesAfter() throws Exception {
        try (SentenceTransformer model = SentenceTransformer.load(Shared.tinyModel("bert"))) {
            float[][] full = model.encode(TEXTS);
            model.setTruncateDim(8);
            float[][] cut = model.encode(TEXTS);
            float[][] cutNormalised = model.encode(TEXTS, EncodeOptions.DEFAULTS.withNormalizeEmbeddings(true));
            for (int i = 0; i < TEXTS.size(); i++) {
                assertArrayEquals(java.util.Arrays.copyOf(full[i], 8), cut[i], 0f);
                double norm = 0;
                for (float x : cutNormalised[i]) {
                    norm += x * x;
                }
                norm = Math.sqrt(norm);
                assertEquals(1.0, norm, 1e-5, "normalised after truncation");
            }
            assertThrows(IllegalArgumentException.class, () -> model.setTruncateDim(33));
            assertThrows(IllegalArgumentException.class, () -> model.setTruncateDim(0));
        }
    }
}
