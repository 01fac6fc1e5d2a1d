package dev.st4j.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

/** The materialised path computed a few sequences at a time equals it computed in one piece, outputs and gradients. */
class AttentionTest {
    @Test
    void chunksOfSequencesGiveTheOnePieceResultWithAPerSequenceMask() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray mask = m.ones(new Shape(5, 9));
            mask.set(new NDIndex("1, 4:"), 0f);
            mask.set(new NDIndex("3, 7:"), 0f);
            compare(m, Attention.additiveMask(mask));
        }
    }

    @Test
    void chunksOfSequencesGiveTheOnePieceResultWithABiasSharedByTheBatch() {
        try (NDManager m = NDManager.newBaseManager()) {
            compare(m, m.randomNormal(new Shape(1, 3, 9, 9)));
        }
    }

    private static void compare(NDManager m, NDArray bias) {
        Engine.getInstance().setRandomSeed(3);
        Shape shape = new Shape(5, 3, 9, 4);
        NDArray q = m.randomNormal(shape);
        NDArray k = m.randomNormal(shape);
        NDArray v = m.randomNormal(shape);
        long twoSequences = 2L * 3 * 9 * 9 * Float.BYTES;
        float[][] whole = run(q, k, v, bias, Long.MAX_VALUE);
        float[][] chunked = run(q, k, v, bias, twoSequences);
        for (int i = 0; i < whole.length; i++) {
            assertArrayEquals(whole[i], chunked[i], 1e-6f, i == 0 ? "output" : "gradient " + i);
        }
    }

    private static float[][] run(NDArray q0, NDArray k0, NDArray v0, NDArray bias, long chunkBytes) {
        NDArray[] in = {q0.duplicate(), k0.duplicate(), v0.duplicate()};
        for (NDArray x : in) {
            x.setRequiresGradient(true);
        }
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray out = Attention.materialised(in[0], in[1], in[2], bias, 2.0, 0f, true, chunkBytes);
            gc.backward(out.mul(out).sum());
            return new float[][] {out.toFloatArray(), in[0].getGradient().toFloatArray(), in[1].getGradient().toFloatArray(),
                in[2].getGradient().toFloatArray()};
        }
    }
}
