package dev.st4j.similarity;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.st4j.ops.Cosine;

/** Pairwise similarity matrices between two sets of embeddings, computed as one matrix product. */
public final class Similarity {
    private Similarity() {}

    /** Cosine similarity of every row of {@code a} with every row of {@code b}: an (|a|, |b|) matrix. */
    public static float[][] cosSim(float[][] a, float[][] b) {
        return compute(a, b, true);
    }

    /** Dot product of every row of {@code a} with every row of {@code b}. */
    public static float[][] dotScore(float[][] a, float[][] b) {
        return compute(a, b, false);
    }

    /** Cosine similarity of two vectors. */
    public static float cosSim(float[] a, float[] b) {
        return cosSim(new float[][] {a}, new float[][] {b})[0][0];
    }

    private static float[][] compute(float[][] a, float[][] b, boolean normalize) {
        if (a.length == 0 || b.length == 0) {
            return new float[a.length][b.length];
        }
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(a);
            NDArray y = m.create(b);
            if (normalize) {
                x = Cosine.l2Normalize(x);
                y = Cosine.l2Normalize(y);
            }
            return toRows(x.matMul(y.transpose()), a.length, b.length);
        }
    }

    static float[][] toRows(NDArray matrix, int rows, int cols) {
        float[] flat = matrix.toFloatArray();
        float[][] out = new float[rows][cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(flat, r * cols, out[r], 0, cols);
        }
        return out;
    }
}
