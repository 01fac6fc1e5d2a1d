package dev.st4j.loss;

import ai.djl.ndarray.NDArray;
import dev.st4j.modules.Normalize;

/** Cosine similarities on NDArrays, shared by the losses. */
final class Similarities {
    private Similarities() {}

    /** Row-wise cosine of two (batch, dim) arrays: (batch). */
    static NDArray pairwiseCosine(NDArray a, NDArray b) {
        return Normalize.l2Normalize(a).mul(Normalize.l2Normalize(b)).sum(new int[] {1});
    }

    /** Every row of {@code a} against every row of {@code b}: (|a|, |b|). */
    static NDArray cosineMatrix(NDArray a, NDArray b) {
        return Normalize.l2Normalize(a).matMul(Normalize.l2Normalize(b).transpose());
    }

    /** Numerically stable log-sum-exp of all elements. */
    static NDArray logSumExp(NDArray x) {
        NDArray max = x.max().stopGradient();
        return x.sub(max).exp().sum().log().add(max);
    }
}
