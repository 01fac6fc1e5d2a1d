package dev.st4j.eval;

/** Small vector arithmetic on embeddings already copied to the JVM. */
final class Vectors {
    private Vectors() {}

    /** Cosine similarity in double precision. */
    static double cosine(float[] a, float[] b) {
        double d = 0;
        double na = 0;
        double nb = 0;
        for (int j = 0; j < a.length; j++) {
            d += (double) a[j] * b[j];
            na += (double) a[j] * a[j];
            nb += (double) b[j] * b[j];
        }
        return d / Math.max(Math.sqrt(na) * Math.sqrt(nb), 1e-12);
    }
}
