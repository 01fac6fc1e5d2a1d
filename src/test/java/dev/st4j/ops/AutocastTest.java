package dev.st4j.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import dev.st4j.model.SentenceTransformer;
import dev.st4j.testing.Fixtures;
import dev.st4j.testing.Shared;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * fp16 compute on the CPU (PyTorch has float16 CPU kernels): inside a scope the encoders give the float32
 * embeddings to fp16 accuracy, and the float32 master weights receive float32 gradients.
 */
class AutocastTest {
    private static final List<String> TEXTS = List.of("The man was in the city.", "It is a good day!", "A third, longer line of text here.");

    @ParameterizedTest
    @ValueSource(strings = {"bert-base-uncased", "msmarco-distilbert-base-v4", "all-mpnet-base-v2", "gtr-t5-base",
        "modernbert-embed-base", "Qwen3-Embedding-0.6B"})
    void fp16EmbeddingsAgreeWithFloat32ToHalfPrecision(String arch) throws Exception {
        try (SentenceTransformer model = SentenceTransformer.load(Fixtures.path("replicas/" + arch + "/model"));
                NDManager scope = model.manager().newSubManager()) {
            float[] full = model.embed(model.tokenize(TEXTS), scope, false).toFloatArray();
            NDArray half;
            try (Autocast fp16 = Autocast.fp16(true)) {
                half = Autocast.toFloat32(model.embed(model.tokenize(TEXTS), scope, false));
            }
            assertFalse(Autocast.active(), "the scope ends with its block");
            float[] h = half.toFloatArray();
            double worst = 0;
            double scale = 0;
            for (int i = 0; i < full.length; i++) {
                worst = Math.max(worst, Math.abs(full[i] - h[i]));
                scale = Math.max(scale, Math.abs(full[i]));
            }
            assertTrue(worst < 1e-2 * Math.max(1, scale), arch + ": largest difference " + worst + " (values up to " + scale + ")");
            assertTrue(worst > 0, arch + ": the fp16 path computed something in half precision");
        }
    }

    @Test
    void float32MasterWeightsGetFloat32Gradients() throws Exception {
        try (SentenceTransformer model = SentenceTransformer.load(Shared.tinyModel("bert")); NDManager scope = model.manager().newSubManager()) {
            Map<String, NDArray> weights = model.parameters();
            weights.values().forEach(w -> w.setRequiresGradient(true));
            try (GradientCollector gc = Engine.getInstance().newGradientCollector(); Autocast fp16 = Autocast.fp16(true)) {
                NDArray e = Autocast.toFloat32(model.embed(model.tokenize(TEXTS), scope, true));
                gc.backward(e.square().sum().mul(1024));
            }
            double total = 0;
            for (Map.Entry<String, NDArray> w : weights.entrySet()) {
                assertEquals(DataType.FLOAT32, w.getValue().getDataType(), w.getKey());
                assertEquals(DataType.FLOAT32, w.getValue().getGradient().getDataType(), w.getKey());
                total += w.getValue().getGradient().abs().sum().getFloat();
                w.getValue().setRequiresGradient(false);
            }
            assertTrue(total > 0 && Double.isFinite(total), "gradients reached the master weights: " + total);
        }
    }

    @Test
    void outsideAScopeNothingIsCast() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.ones(new ai.djl.ndarray.types.Shape(2, 3));
            NDArray w = m.ones(new ai.djl.ndarray.types.Shape(4, 3));
            assertEquals(DataType.FLOAT32, Layers.linear(x, w, null).getDataType());
            try (Autocast fp16 = Autocast.fp16(true)) {
                assertEquals(DataType.FLOAT16, Layers.linear(x, w, null).getDataType());
                try (Autocast off = Autocast.fp16(false)) {
                    assertEquals(DataType.FLOAT32, Layers.linear(x, w, null).getDataType(), "a nested fp32 scope");
                }
                assertTrue(Autocast.active(), "the outer scope again");
            }
        }
    }
}
