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
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Padding changes no gradient: a padded batch of two sequences gives every weight the same gradient
 * as the two sequences run one by one without padding (dropout off).
 */
class PackedGradientTest {
    private static final long[] LONG = {5, 6, 7, 8, 9, 10};

    /** Three padded positions of twelve are packed away; one of twelve is only masked ({@link TokenPacking#MIN_PADDING_TO_PACK}). */
    @ParameterizedTest
    @CsvSource({"bert,3", "mpnet,3", "t5,3", "bert,5", "t5,5"})
    void paddedBatchGradientsEqualUnpaddedOnes(String arch, int shortLength) throws Exception {
        long[] shortIds = java.util.Arrays.copyOf(new long[] {5, 11, 12, 13, 14}, shortLength);
        long[] padded = java.util.Arrays.copyOf(shortIds, LONG.length);
        long[] paddedMask = new long[LONG.length];
        java.util.Arrays.fill(paddedMask, 0, shortLength, 1);
        long[] shortMask = new long[shortLength];
        java.util.Arrays.fill(shortMask, 1);
        try (NDManager model = NDManager.newBaseManager()) {
            Encoder encoder = Encoders.load(Shared.tinyModel(arch), model);
            Map<String, float[]> batched = gradients(encoder, model, new long[][] {LONG, padded},
                    new long[][] {{1, 1, 1, 1, 1, 1}, paddedMask});
            Map<String, float[]> one = gradients(encoder, model, new long[][] {LONG}, new long[][] {{1, 1, 1, 1, 1, 1}});
            Map<String, float[]> other = gradients(encoder, model, new long[][] {shortIds}, new long[][] {shortMask});
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
