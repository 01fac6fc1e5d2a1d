package dev.st4j.modules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** Each pooling mode on a hand-made batch: 2 sequences, 3 positions, 2 values, the second sequence padded after 2 tokens. */
class PoolingTest {
    private static final float[][][] H = {
        {{1, 2}, {3, 4}, {5, 6}},
        {{-1, 0}, {2, -2}, {100, 100}},
    };
    private static final long[][] MASK = {{1, 1, 1}, {1, 1, 0}};

    private static float[] pool(PoolingMode... modes) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray h = m.create(new float[] {1, 2, 3, 4, 5, 6, -1, 0, 2, -2, 100, 100}).reshape(2, 3, 2);
            Pooling p = new Pooling(2, EnumSet.of(modes[0], modes), true);
            return p.forward(new Features(h, m.create(MASK), null), false).sentenceEmbedding().toFloatArray();
        }
    }

    @Test
    void cls() {
        assertArrayEquals(new float[] {1, 2, -1, 0}, pool(PoolingMode.CLS));
    }

    @Test
    void meanIgnoresPadding() {
        assertArrayEquals(new float[] {3, 4, 0.5f, -1}, pool(PoolingMode.MEAN), 1e-6f);
    }

    @Test
    void maxIgnoresPadding() {
        assertArrayEquals(new float[] {5, 6, 2, 0}, pool(PoolingMode.MAX));
    }

    @Test
    void meanSqrtLen() {
        assertArrayEquals(new float[] {(float) (9 / Math.sqrt(3)), (float) (12 / Math.sqrt(3)),
            (float) (1 / Math.sqrt(2)), (float) (-2 / Math.sqrt(2))}, pool(PoolingMode.MEAN_SQRT_LEN), 1e-5f);
    }

    @Test
    void weightedMeanWeighsByPosition() {
        float[] expected = {(1 * 1 + 2 * 3 + 3 * 5) / 6f, (1 * 2 + 2 * 4 + 3 * 6) / 6f, (1 * -1 + 2 * 2) / 3f, (0 + 2 * -2) / 3f};
        assertArrayEquals(expected, pool(PoolingMode.WEIGHTED_MEAN), 1e-5f);
    }

    @Test
    void lastTokenIsTheLastUnpaddedOne() {
        assertArrayEquals(new float[] {5, 6, 2, -2}, pool(PoolingMode.LAST_TOKEN));
    }

    @Test
    void severalModesConcatenateInSentenceTransformersOrder() {
        float[] v = pool(PoolingMode.MEAN, PoolingMode.CLS);
        assertArrayEquals(new float[] {1, 2, 3, 4, -1, 0, 0.5f, -1}, v, 1e-6f);
        assertEquals(4, new Pooling(2, EnumSet.of(PoolingMode.MEAN, PoolingMode.CLS), true).outputDimension());
    }

    @Test
    void parsesShortNames() {
        assertEquals(PoolingMode.WEIGHTED_MEAN, PoolingMode.parse("weightedmean"));
        assertThrows(IllegalArgumentException.class, () -> PoolingMode.parse("median"));
    }
}
