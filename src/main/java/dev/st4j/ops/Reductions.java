package dev.st4j.ops;

import ai.djl.ndarray.NDArray;

/** Reductions that need care for numerical stability. */
public final class Reductions {
    private Reductions() {}

    /** Numerically stable log-sum-exp of all elements. */
    public static NDArray logSumExp(NDArray x) {
        NDArray max = x.max().stopGradient();
        return x.sub(max).exp().sum().log().add(max);
    }
}
