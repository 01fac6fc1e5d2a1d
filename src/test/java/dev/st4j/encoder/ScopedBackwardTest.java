package dev.st4j.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.st4j.testing.Reference;
import dev.st4j.testing.Shared;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Per-layer scopes free intermediates before the backward pass: gradients must not change when the
 * JVM collects garbage and reuses freed memory in between (a scalar over Java memory once did).
 */
class ScopedBackwardTest {

    @Test
    void gradientsSurviveGarbageCollectionBetweenForwardAndBackward() throws Exception {
        float[] calm = gradientOfQueryWeight(false);
        float[] churned = gradientOfQueryWeight(true);
        for (float g : churned) {
            assertTrue(Float.isFinite(g), "non-finite gradient after garbage collection");
        }
        assertArrayEquals(calm, churned, 0f);
    }

    private static float[] gradientOfQueryWeight(boolean churn) throws Exception {
        Reference ref = Reference.of("bert");
        try (NDManager manager = NDManager.newBaseManager()) {
            Encoder encoder = Encoders.load(Shared.tinyModel("bert"), manager);
            NDArray q = encoder.weights().get("encoder.layer.0.attention.self.query.weight");
            q.setRequiresGradient(true);
            try (NDManager step = manager.newSubManager(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                EncoderInput input = new EncoderInput(step.create(ref.longs("input_ids")), step.create(ref.longs("attention_mask")), null);
                NDArray loss = encoder.forward(input, false).square().sum();
                if (churn) {
                    List<ByteBuffer> garbage = new ArrayList<>();
                    for (int round = 0; round < 10; round++) {
                        System.gc();
                        Thread.sleep(20);
                        for (int i = 0; i < 2000; i++) {
                            ByteBuffer b = ByteBuffer.allocateDirect(4);
                            b.putFloat(0, Float.NaN);
                            garbage.add(b);
                        }
                    }
                }
                gc.backward(loss);
                return q.getGradient().toFloatArray();
            }
        }
    }
}
