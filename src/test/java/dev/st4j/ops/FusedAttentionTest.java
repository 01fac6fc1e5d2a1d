package dev.st4j.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fused path (PyTorch's scaled_dot_product_attention through TorchScript) against the materialised one,
 * its oracle: outputs and the gradients of query, key and value to 1e-5, with a padding mask, with a full
 * per-head position bias and with no bias.
 */
class FusedAttentionTest {
    private static final double TOLERANCE = 1e-5;

    @Test
    void outputsAndGradientsEqualTheMaterialisedPathWithAPaddingMask() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray mask = m.ones(new Shape(3, 17));
            mask.set(new NDIndex("1, 11:"), 0f);
            mask.set(new NDIndex("2, 3:"), 0f);
            compare(m, Attention.additiveMask(mask), Math.sqrt(8));
        }
    }

    @Test
    void outputsAndGradientsEqualTheMaterialisedPathWithAPerHeadBias() {
        try (NDManager m = NDManager.newBaseManager()) {
            compare(m, m.randomNormal(new Shape(3, 4, 17, 17)), 1.0);
        }
    }

    @Test
    void outputsAndGradientsEqualTheMaterialisedPathWithoutBias() {
        try (NDManager m = NDManager.newBaseManager()) {
            compare(m, null, Math.sqrt(8));
        }
    }

    @Test
    void theResultBelongsToTheCallersScopeAndIsFreedWithIt() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray context;
            try (NDManager scope = m.newSubManager()) {
                NDArray q = scope.randomNormal(new Shape(2, 4, 5, 8));
                context = FusedAttention.attention(q, q, q, null, Math.sqrt(8));
                assertSame(scope, context.getManager());
            }
            assertTrue(context.isReleased(), "closing the caller's scope frees the fused result");
        }
    }

    @Test
    void theEnvironmentSwitchTurnsTheFusedPathOff() {
        assertTrue(FusedAttention.enabledBy(Map.of()));
        assertTrue(FusedAttention.enabledBy(Map.of(FusedAttention.SWITCH, "fused")));
        assertFalse(FusedAttention.enabledBy(Map.of(FusedAttention.SWITCH, "materialised")));
        assertFalse(FusedAttention.enabledBy(Map.of(FusedAttention.SWITCH, "Materialized")));
    }

    private static void compare(NDManager m, NDArray bias, double divisor) {
        Engine.getInstance().setRandomSeed(11);
        Shape shape = new Shape(3, 4, 17, 8);
        NDArray q = m.randomNormal(shape);
        NDArray k = m.randomNormal(shape);
        NDArray v = m.randomNormal(shape);
        NDArray weights = m.randomNormal(shape);
        assertTrue(FusedAttention.serves(q, k, v), "the module loads from the class path");
        float[][] fused = outputAndGradients(q, k, v, weights, (a, b, c) -> FusedAttention.attention(a, b, c, bias, divisor));
        float[][] materialised = outputAndGradients(q, k, v, weights,
                (a, b, c) -> Attention.materialised(a, b, c, bias, divisor, 0f, true));
        String[] names = {"output", "query gradient", "key gradient", "value gradient"};
        for (int i = 0; i < names.length; i++) {
            assertArrayEquals(materialised[i], fused[i], (float) TOLERANCE, names[i]);
        }
        assertFalse(allZero(fused[1]) || allZero(fused[2]) || allZero(fused[3]), "gradients reach every input");
    }

    /** The output and the gradients of (fresh copies of) q, k, v of Σ(output · weights). */
    private static float[][] outputAndGradients(NDArray q, NDArray k, NDArray v, NDArray weights, AttentionPath attention) {
        NDArray[] inputs = {q.duplicate(), k.duplicate(), v.duplicate()};
        for (NDArray x : inputs) {
            x.setRequiresGradient(true);
        }
        float[][] result = new float[4][];
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray out = attention.apply(inputs[0], inputs[1], inputs[2]);
            gc.backward(out.mul(weights).sum());
            result[0] = out.toFloatArray();
            for (int i = 0; i < 3; i++) {
                result[i + 1] = inputs[i].getGradient().toFloatArray();
            }
        }
        return result;
    }

    @FunctionalInterface
    private interface AttentionPath {
        NDArray apply(NDArray q, NDArray k, NDArray v);
    }

    private static boolean allZero(float[] values) {
        for (float x : values) {
            if (x != 0f) {
                return false;
            }
        }
        return true;
    }
}
