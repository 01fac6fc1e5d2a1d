package dev.st4j.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The few autograd controls st4j needs beyond DJL's public API, in one place: switching gradient
 * recording off for inference and optimizer updates (PyTorch's grad mode is per thread), and zeroing a
 * parameter's gradient in place.
 */
public final class Autograd {
    private Autograd() {}

    /** A scope with gradient recording off on this thread; closing it restores the previous mode. */
    public static Scope noGrad() {
        boolean previous = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        return () -> JniUtils.setGradMode(previous);
    }

    /** Sets a parameter's accumulated gradient to zero, in place. */
    public static void zeroGradient(NDArray parameter) {
        JniUtils.zeroGrad((PtNDArray) parameter);
    }

    /** A scope that cannot fail to close. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
