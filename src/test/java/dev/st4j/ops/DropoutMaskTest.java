package dev.st4j.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The gap-sampled keep-mask behaves as independent Bernoulli draws: the drop rate is p overall, at the start
 * and at the end of the mask (where the chunks of gaps are cut), an element after a dropped one is dropped
 * with probability p, and the mask is a function of the seed.
 */
class DropoutMaskTest {
    private static final int N = 1 << 21;

    @ParameterizedTest
    @ValueSource(floats = {0.01f, 0.1f, 0.5f, 0.9f})
    void dropsEachElementIndependentlyWithProbabilityP(float p) {
        Engine.getInstance().setRandomSeed(5);
        try (NDManager m = NDManager.newBaseManager()) {
            boolean[] keep = toBooleans(DropoutMask.keep(m, new Shape(N), p));
            assertRate(p, keep, 0, N, "overall");
            assertRate(p, keep, 0, N / 16, "first sixteenth");
            assertRate(p, keep, N - N / 16, N, "last sixteenth");
            int afterDrop = 0;
            int droppedAfterDrop = 0;
            for (int i = 1; i < N; i++) {
                if (!keep[i - 1]) {
                    afterDrop++;
                    droppedAfterDrop += keep[i] ? 0 : 1;
                }
            }
            double rate = droppedAfterDrop / (double) afterDrop;
            double sigma = Math.sqrt(p * (1 - p) / afterDrop);
            assertTrue(Math.abs(rate - p) < 5 * sigma, "drop rate after a drop " + rate + ", expected " + p);
        }
    }

    @Test
    void theSameSeedGivesTheSameMaskAndTheShapeIsKept() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(9);
            NDArray a = DropoutMask.keep(m, new Shape(4, 3, 50), 0.3f);
            Engine.getInstance().setRandomSeed(9);
            NDArray b = DropoutMask.keep(m, new Shape(4, 3, 50), 0.3f);
            assertEquals(new Shape(4, 3, 50), a.getShape());
            assertEquals(DataType.BOOLEAN, a.getDataType());
            assertArrayEquals(toBooleans(a), toBooleans(b));
            assertEquals(1, DropoutMask.keep(m, new Shape(1), 0.5f).size());
        }
    }

    @Test
    void probabilitiesOutsideTheOpenIntervalAreRefused() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertThrows(IllegalArgumentException.class, () -> DropoutMask.keep(m, new Shape(3), 0f));
            assertThrows(IllegalArgumentException.class, () -> DropoutMask.keep(m, new Shape(3), 1f));
        }
    }

    private static void assertRate(float p, boolean[] keep, int from, int to, String where) {
        int dropped = 0;
        for (int i = from; i < to; i++) {
            dropped += keep[i] ? 0 : 1;
        }
        int n = to - from;
        double sigma = Math.sqrt(p * (1 - p) / n);
        double rate = dropped / (double) n;
        assertTrue(Math.abs(rate - p) < 5 * sigma, where + ": drop rate " + rate + ", expected " + p);
    }

    private static boolean[] toBooleans(NDArray mask) {
        byte[] bytes = mask.toByteArray();
        boolean[] out = new boolean[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[i] != 0;
        }
        return out;
    }
}
