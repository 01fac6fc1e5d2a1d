package dev.st4j.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.st4j.tensor.RawTensor;
import java.util.Map;

/** Compares tensors a reader produced with the ones Python wrote as a reference. */
public final class Tensors {
    private Tensors() {}

    /** Every tensor of {@code actual}, created in {@code manager}, equals the reference of the same name exactly (type, shape, values). */
    public static void assertSameAs(Map<String, NDArray> expected, Map<String, RawTensor> actual, NDManager manager, String what) {
        for (Map.Entry<String, RawTensor> e : actual.entrySet()) {
            NDArray a = e.getValue().toNDArray(manager);
            NDArray want = expected.get(e.getKey());
            String name = what + " " + e.getKey();
            assertEquals(want.getDataType(), a.getDataType(), name);
            assertEquals(want.getShape(), a.getShape(), name);
            if (a.getDataType().isFloating()) {
                assertArrayEquals(want.toFloatArray(), a.toFloatArray(), 0f, name);
            } else {
                assertArrayEquals(want.toLongArray(), a.toLongArray(), name);
            }
        }
    }
}
