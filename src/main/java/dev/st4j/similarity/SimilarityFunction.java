package dev.st4j.similarity;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.st4j.model.SentenceTransformer;
import dev.st4j.ops.Cosine;
import java.util.Arrays;
import java.util.Locale;

/**
 * The similarity functions a sentence-transformers model may declare ({@code similarity_fn_name}):
 * higher is more similar, so the two distances are negated, as in Python.
 */
public enum SimilarityFunction {
    COSINE("cosine"),
    DOT("dot"),
    EUCLIDEAN("euclidean"),
    MANHATTAN("manhattan");

    private final String id;

    SimilarityFunction(String id) {
        this.id = id;
    }

    /** The name in {@code config_sentence_transformers.json} and in metric names. */
    public String id() {
        return id;
    }

    /** The function a model declares (cosine when it declares none). */
    public static SimilarityFunction of(SentenceTransformer model) {
        return parse(model.similarityFnName());
    }

    /** The function of that name; the error lists the names. */
    public static SimilarityFunction parse(String name) {
        return Arrays.stream(values()).filter(f -> f.id.equals(name.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("similarity function '" + name + "' is not one of cosine, dot, euclidean, manhattan"));
    }

    /** Every row of {@code a} against every row of {@code b}: (|a|, |b|). */
    public NDArray matrix(NDArray a, NDArray b) {
        return switch (this) {
            case COSINE -> Cosine.matrix(a, b);
            case DOT -> a.matMul(b.transpose());
            case EUCLIDEAN -> a.expandDims(1).sub(b.expandDims(0)).square().sum(new int[] {2}).sqrt().neg();
            case MANHATTAN -> a.expandDims(1).sub(b.expandDims(0)).abs().sum(new int[] {2}).neg();
        };
    }

    /** The matrix for embeddings held in the JVM. */
    public float[][] matrix(float[][] a, float[][] b) {
        if (a.length == 0 || b.length == 0) {
            return new float[a.length][b.length];
        }
        try (NDManager m = NDManager.newBaseManager()) {
            float[] flat = matrix(m.create(a), m.create(b)).toFloatArray();
            float[][] out = new float[a.length][b.length];
            for (int r = 0; r < a.length; r++) {
                System.arraycopy(flat, r * b.length, out[r], 0, b.length);
            }
            return out;
        }
    }

    /** The similarity of two vectors, in double precision. */
    public double of(float[] a, float[] b) {
        if (this == COSINE) {
            return Cosine.of(a, b);
        }
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            double d = (double) a[j] - b[j];
            sum += switch (this) {
                case DOT -> (double) a[j] * b[j];
                case EUCLIDEAN -> d * d;
                default -> Math.abs(d);
            };
        }
        return switch (this) {
            case DOT -> sum;
            case EUCLIDEAN -> -Math.sqrt(sum);
            default -> -sum;
        };
    }
}
