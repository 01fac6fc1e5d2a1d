package dev.st4j.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Each loss against its formula written out by hand: values exactly, gradients by finite differences. */
class LossTest {
    private static final double[][] U = {{1.0, 0.2, -0.3}, {0.1, 0.9, 0.4}, {-0.5, 0.3, 0.8}};
    private static final double[][] V = {{0.8, 0.1, -0.1}, {0.3, 0.7, 0.2}, {0.2, -0.6, 0.5}};
    private static final double[][] N = {{-0.2, 0.9, 0.1}, {0.6, -0.2, 0.3}, {0.1, 0.1, 0.9}};

    @Test
    void coSentOnTwoPairsIsLogOnePlusExp() {
        double[][] u = {{1, 0}, {1, 0}};
        double[][] v = {{0.5, Math.sqrt(0.75)}, {0.2, Math.sqrt(0.96)}};
        double value = LossHarness.autograd(m -> new CoSentLoss(), new double[][][] {u, v}, new double[] {0, 1}).value();
        assertEquals(Math.log(1 + Math.exp(20 * 0.5 - 20 * 0.2)), value, 1e-4, "s = 20·cos = (10, 4); label 0 < label 1");
    }

    @Test
    void coSentValueAndGradient() {
        double[] y = {2.5, 4.0, 0.5};
        check(m -> new CoSentLoss(), new double[][][] {U, V}, y, cols -> {
            double[] s = new double[3];
            for (int i = 0; i < 3; i++) {
                s[i] = 20 * LossHarness.cosine(cols[0][i], cols[1][i]);
            }
            double sum = 1;
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    if (y[i] < y[j]) {
                        sum += Math.exp(s[i] - s[j]);
                    }
                }
            }
            return Math.log(sum);
        });
    }

    @Test
    void multipleNegativesRankingValueAndGradient() {
        check(m -> new MultipleNegativesRankingLoss(), new double[][][] {U, V}, null, cols -> mnrl(cols[0], cols[1], null));
    }

    @Test
    void multipleNegativesRankingWithHardNegatives() {
        check(m -> new MultipleNegativesRankingLoss(), new double[][][] {U, V, N}, null, cols -> mnrl(cols[0], cols[1], cols[2]));
    }

    @Test
    void matryoshkaSumsTheInnerLossOverTheLeadingWidths() {
        check(m -> new MatryoshkaLoss(new MultipleNegativesRankingLoss(), new int[] {2, 3}), new double[][][] {U, V}, null,
                cols -> mnrl(cols[0], cols[1], null) + mnrl(leading(cols[0], 2), leading(cols[1], 2), null));
        check(m -> new MatryoshkaLoss(new CoSentLoss(), new int[] {1, 3, 2}), new double[][][] {U, V}, new double[] {2.5, 4.0, 0.5},
                cols -> coSent(cols[0], cols[1], new double[] {2.5, 4.0, 0.5}) + coSent(leading(cols[0], 2), leading(cols[1], 2),
                        new double[] {2.5, 4.0, 0.5}) + coSent(leading(cols[0], 1), leading(cols[1], 1), new double[] {2.5, 4.0, 0.5}));
    }

    private static double[][] leading(double[][] rows, int width) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = java.util.Arrays.copyOf(rows[i], width);
        }
        return out;
    }

    private static double coSent(double[][] u, double[][] v, double[] y) {
        double[] s = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            s[i] = 20 * LossHarness.cosine(u[i], v[i]);
        }
        double sum = 1;
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < y.length; j++) {
                if (y[i] < y[j]) {
                    sum += Math.exp(s[i] - s[j]);
                }
            }
        }
        return Math.log(sum);
    }

    @Test
    void softmaxLossValueAndGradient() {
        double[] labels = {0, 2, 1};
        try (var m = ai.djl.ndarray.NDManager.newBaseManager()) {
            SoftmaxLoss probe = new SoftmaxLoss(m, 3, 3, 7);
            float[] w = probe.parameters().get("classifier.weight").toFloatArray();
            float[] b = probe.parameters().get("classifier.bias").toFloatArray();
            double bound = 1 / Math.sqrt(9);
            for (float x : w) {
                assertEquals(0, x, bound + 1e-7, "PyTorch Linear init bound 1/sqrt(fan_in)");
            }
            check(mm -> new SoftmaxLoss(mm, 3, 3, 7), new double[][][] {U, V}, labels, cols -> {
                double total = 0;
                for (int i = 0; i < 3; i++) {
                    double[] f = new double[9];
                    for (int j = 0; j < 3; j++) {
                        f[j] = cols[0][i][j];
                        f[3 + j] = cols[1][i][j];
                        f[6 + j] = Math.abs(cols[0][i][j] - cols[1][i][j]);
                    }
                    double[] z = new double[3];
                    double max = -1e300;
                    for (int c = 0; c < 3; c++) {
                        z[c] = b[c];
                        for (int j = 0; j < 9; j++) {
                            z[c] += w[c * 9 + j] * f[j];
                        }
                        max = Math.max(max, z[c]);
                    }
                    double lse = 0;
                    for (int c = 0; c < 3; c++) {
                        lse += Math.exp(z[c] - max);
                    }
                    total += Math.log(lse) + max - z[(int) labels[i]];
                }
                return total / 3;
            });
        }
    }

    /** −mean_i log softmax_i(20·cos(a_i, candidates))[i], candidates = positives then negatives. */
    private static double mnrl(double[][] a, double[][] p, double[][] n) {
        int batch = a.length;
        double total = 0;
        for (int i = 0; i < batch; i++) {
            int c = n == null ? batch : 2 * batch;
            double[] logits = new double[c];
            for (int j = 0; j < c; j++) {
                logits[j] = 20 * LossHarness.cosine(a[i], j < batch ? p[j] : n[j - batch]);
            }
            double max = java.util.Arrays.stream(logits).max().orElseThrow();
            double lse = 0;
            for (double l : logits) {
                lse += Math.exp(l - max);
            }
            total += Math.log(lse) + max - logits[i];
        }
        return total / batch;
    }

    private static void check(java.util.function.Function<ai.djl.ndarray.NDManager, Loss> loss, double[][][] cols, double[] targets,
            java.util.function.Function<double[][][], Double> formula) {
        LossHarness.Outcome out = LossHarness.autograd(loss, cols, targets);
        double expected = formula.apply(cols);
        assertEquals(expected, out.value(), 1e-4 * Math.max(1, Math.abs(expected)), "loss value");
        double[][][] numeric = LossHarness.numericGradient(formula, cols);
        for (int c = 0; c < cols.length; c++) {
            for (int i = 0; i < cols[c].length; i++) {
                for (int j = 0; j < cols[c][i].length; j++) {
                    assertEquals(numeric[c][i][j], out.gradients()[c][i][j], 2e-3 * Math.max(1, Math.abs(numeric[c][i][j])),
                            "d loss / d column " + c + " [" + i + "][" + j + "]");
                }
            }
        }
    }
}
