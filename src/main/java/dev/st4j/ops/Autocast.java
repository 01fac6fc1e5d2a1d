package dev.st4j.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * Mixed-precision compute ({@code mixed_precision=fp16}), as PyTorch's autocast: while a scope is open on this
 * thread, matrix products run in float16 on float16 copies of the float32 weights, which keep receiving float32
 * gradients (the master weights); normalisations, softmax and everything else promote back to float32.
 */
public final class Autocast implements AutoCloseable {
    private static final ThreadLocal<Boolean> HALF = ThreadLocal.withInitial(() -> false);
    private final boolean previous;

    private Autocast(boolean half) {
        previous = HALF.get();
        HALF.set(half);
    }

    /** Opens a scope computing matrix products in float16 when {@code half}, else in float32 (a no-op scope). */
    public static Autocast fp16(boolean half) {
        return new Autocast(half);
    }

    /** Whether matrix products on this thread run in float16 now. */
    public static boolean active() {
        return HALF.get();
    }

    /** {@code x} in the type matrix products use now: float16 inside an fp16 scope, unchanged otherwise. */
    public static NDArray forMatMul(NDArray x) {
        return x != null && active() && x.getDataType() == DataType.FLOAT32 ? x.toType(DataType.FLOAT16, false) : x;
    }

    /** {@code x} in float32 (normalisations, softmax and losses compute there). */
    public static NDArray toFloat32(NDArray x) {
        return x.getDataType() == DataType.FLOAT16 ? x.toType(DataType.FLOAT32, false) : x;
    }

    @Override
    public void close() {
        HALF.set(previous);
    }
}
