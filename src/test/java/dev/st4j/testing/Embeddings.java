package dev.st4j.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;

/** Compares st4j's embeddings with rows Python wrote as JSON. */
public final class Embeddings {
    /** The tolerance every comparison with Python uses. */
    public static final float TOLERANCE = 1e-4f;

    private Embeddings() {}

    /** Python's rows against st4j's, element by element, to {@link #TOLERANCE}. */
    public static void assertClose(JsonNode expected, float[][] actual, String what) {
        assertEquals(expected.size(), actual.length, what + ": rows");
        for (int i = 0; i < actual.length; i++) {
            assertArrayEquals(row(expected.get(i)), actual[i], TOLERANCE, what + ": row " + i);
        }
    }

    /** One JSON row of numbers as floats. */
    public static float[] row(JsonNode values) {
        float[] out = new float[values.size()];
        for (int j = 0; j < out.length; j++) {
            out[j] = (float) values.get(j).asDouble();
        }
        return out;
    }
}
