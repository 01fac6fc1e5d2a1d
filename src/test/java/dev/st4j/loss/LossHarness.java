package dev.st4j.loss;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs a loss through DJL autograd on small embeddings, and checks it against a plain-Java reference
 * formula: the value directly, the gradient by central finite differences of that formula.
 */
final class LossHarness {
    private LossHarness() {}

    record Outcome(double value, double[][][] gradients) {}

    /** Value and d(loss)/d(embedding) for each column, from DJL. */
    static Outcome autograd(Function<NDManager, Loss> lossFactory, double[][][] columns, double[] targets) {
        try (NDManager m = NDManager.newBaseManager()) {
            Loss loss = lossFactory.apply(m);
            List<NDArray> inputs = new ArrayList<>();
            for (double[][] c : columns) {
                NDArray a = m.create(toFloat(c));
                a.setRequiresGradient(true);
                inputs.add(a);
            }
            NDArray t = targets == null ? null : m.create(toFloat(targets));
            double value;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray l = loss.compute(inputs, t);
                gc.backward(l);
                value = l.getFloat();
            }
            double[][][] grads = new double[columns.length][][];
            for (int c = 0; c < columns.length; c++) {
                float[] g = inputs.get(c).getGradient().toFloatArray();
                int dim = columns[c][0].length;
                grads[c] = new double[columns[c].length][dim];
                for (int i = 0; i < columns[c].length; i++) {
                    for (int j = 0; j < dim; j++) {
                        grads[c][i][j] = g[i * dim + j];
                    }
                }
            }
            return new Outcome(value, grads);
        }
    }

    /** Central finite differences of {@code formula} at {@code columns}. */
    static double[][][] numericGradient(Function<double[][][], Double> formula, double[][][] columns) {
        double h = 1e-5;
        double[][][] out = new double[columns.length][][];
        for (int c = 0; c < columns.length; c++) {
            out[c] = new double[columns[c].length][columns[c][0].length];
            for (int i = 0; i < columns[c].length; i++) {
                for (int j = 0; j < columns[c][i].length; j++) {
                    double keep = columns[c][i][j];
                    columns[c][i][j] = keep + h;
                    double up = formula.apply(columns);
                    columns[c][i][j] = keep - h;
                    double down = formula.apply(columns);
                    columns[c][i][j] = keep;
                    out[c][i][j] = (up - down) / (2 * h);
                }
            }
        }
        return out;
    }

    static double cosine(double[] a, double[] b) {
        double d = 0;
        double na = 0;
        double nb = 0;
        for (int j = 0; j < a.length; j++) {
            d += a[j] * b[j];
            na += a[j] * a[j];
            nb += b[j] * b[j];
        }
        return d / Math.sqrt(na) / Math.sqrt(nb);
    }

    private static float[][] toFloat(double[][] x) {
        float[][] out = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = toFloat(x[i]);
        }
        return out;
    }

    private static float[] toFloat(double[] x) {
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) x[i];
        }
        return out;
    }
}
