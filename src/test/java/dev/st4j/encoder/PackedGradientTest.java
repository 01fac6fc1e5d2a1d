package dev.st4j.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.st4j.engine.Autograd;
import dev.st4j.testing.Shared;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Padding changes no gradient: a padded batch of two sequences gives every weight the same gradient
 * as the two sequences run one by one without padding (dropout off).
 */
class PackedGradientTest {
    private static final long[] LONG = {5, 6, 7, 8, 9, 10};
    private static final long[] SHORT = {5, 11, 12};

    @ParameterizedTest
    @ValueSource(strings = {"bert", "mpnet", "t5"})
    void paddedBatchGradientsEqualUnpaddedOnes(String arch) throws Exception {
        try (NDManager model = NDManager.newBaseManager()) {
            Encoder encoder = Encoders.load(Shared.tinyModel(arch), model);
            Map<String, float[]> batched = gradients(encoder, model, new long[][] {LONG, {5, 11, 12, 0, 0, 0}},
                    new long[][] {{1, 1, 1, 1, 1, 1}, {1, 1, 1, 0, 0, 0}});
            Map<String, float[]> one = gradients(encoder, model, new long[][] {LONG}, new long[][] {{1, 1, 1, 1, 1, 1}});
            Map<String, float[]> other = gradients(encoder, model, new long[][] {SHORT}, new long[][] {{1, 1, 1}});
            assertEquals(one.keySet(), batched.keySet());
            for (String name : batched.keySet()) {
                float[] sum = one.get(name).clone();
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += other.get(name)[i];
                }
                assertArrayEquals(sum, batched.get(name), 1e-4f, arch + " " + name);
            }
        }
    }

    /** Gradients of sum(hidden²) over real tokens with respect to every weight the forward pass reads. */
    private static Map<String, float[]> gradients(Encoder encoder, NDManager model, long[][] ids, long[][] mask) {
        Map<String, NDArray> weights = encoder.weights().all();
        weights.values().forEach(w -> w.setRequiresGradient(true));
        Map<String, float[]> out = new LinkedHashMap<>();
        try (NDManager step = model.newSubManager(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray m = step.create(mask);
            NDArray hidden = encoder.forward(new EncoderInput(step.create(ids), m, null), false);
            NDArray loss = hidden.square().sum(new int[] {2}).mul(m.toType(hidden.getDataType(), false)).sum();
            gc.backward(loss);
            weights.forEach((name, w) -> out.put(name, w.getGradient().toFloatArray()));
        }
        try (Autograd.Scope noGrad = Autograd.noGrad()) {
            weights.values().forEach(Autograd::zeroGradient);
        }
        return out;
    }
}
