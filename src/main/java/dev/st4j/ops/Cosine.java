package dev.st4j.ops;

import ai.djl.ndarray.NDArray;

/**
 * Cosine similarity, the one implementation st4j has: on NDArrays for losses and batched scoring, and
 * on single vectors already copied to the JVM for evaluators. Norms are floored at 1e-12, as in
 * {@code torch.nn.functional.normalize} and sentence-transformers' {@code cos_sim}.
 */
public final class Cosine {
    private static final double MIN_NORM = 1e-12;

    private Cosine() {}

    /** Rows of {@code x} divided by their L2 norm (at least 1e-12), as {@code torch.nn.functional.normalize}. */
    public static NDArray l2Normalize(NDArray x) {
        return x.div(x.norm(new int[] {-1}, true).maximum((float) MIN_NORM));
    }

    /** Row-wise cosine of two (batch, dim) arrays: (batch). */
    public static NDArray pairwise(NDArray a, NDArray b) {
        return l2Normalize(a).mul(l2Normalize(b)).sum(new int[] {1});
    }

    /** Every row of {@code a} against every row of {@code b}: (|a|, |b|). */
    public static NDArray matrix(NDArray a, NDArray b) {
        return l2Normalize(a).matMul(l2Normalize(b).transpose());
    }

    /** The cosine of two vectors, accumulated in double precision. */
    public static double of(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int j = 0; j < a.length; j++) {
            dot += (double) a[j] * b[j];
            na += (double) a[j] * a[j];
            nb += (double) b[j] * b[j];
        }
        return dot / Math.max(Math.sqrt(na) * Math.sqrt(nb), MIN_NORM);
    }
}
