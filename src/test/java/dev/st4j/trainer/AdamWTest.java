package dev.st4j.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** AdamW steps against PyTorch's update written out by hand. */
class AdamWTest {

    @Test
    void twoStepsMatchTheHandWrittenUpdateWithDecayAndClipping() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.create(new float[] {1.0f, -2.0f});
            NDArray bias = m.create(new float[] {0.5f});
            Map<String, NDArray> params = new LinkedHashMap<>();
            params.put("layer.weight", w);
            params.put("layer.bias", bias);
            double lr = 0.1;
            double wd = 0.01;
            double maxNorm = 1.0;
            try (AdamW opt = new AdamW(params, Set.of(), wd, m)) {
                double[] pw = {1.0, -2.0};
                double pb = 0.5;
                double[] mw = new double[2];
                double[] vw = new double[2];
                double mb = 0;
                double vb = 0;
                for (int t = 1; t <= 2; t++) {
                    // loss = 3·w0 + w1² + 4·b  →  grads (3, 2·w1, 4)
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray loss = w.get(0).mul(3).add(w.get(1).square()).add(bias.mul(4).sum());
                        gc.backward(loss);
                    }
                    double[] gw = {3, 2 * pw[1]};
                    double gb = 4;
                    double norm = Math.sqrt(gw[0] * gw[0] + gw[1] * gw[1] + gb * gb);
                    double clip = Math.min(1, maxNorm / (norm + 1e-6));
                    double returned = opt.step(lr, maxNorm);
                    assertEquals(norm, returned, 1e-4, "global norm before clipping");
                    double bc1 = 1 - Math.pow(0.9, t);
                    double bc2 = 1 - Math.pow(0.999, t);
                    for (int i = 0; i < 2; i++) {
                        double g = gw[i] * clip;
                        pw[i] *= 1 - lr * wd;
                        mw[i] = 0.9 * mw[i] + 0.1 * g;
                        vw[i] = 0.999 * vw[i] + 0.001 * g * g;
                        pw[i] -= lr / bc1 * mw[i] / (Math.sqrt(vw[i]) / Math.sqrt(bc2) + 1e-8);
                    }
                    double g = gb * clip;
                    mb = 0.9 * mb + 0.1 * g;
                    vb = 0.999 * vb + 0.001 * g * g;
                    pb -= lr / bc1 * mb / (Math.sqrt(vb) / Math.sqrt(bc2) + 1e-8);
                    assertArrayEquals(new float[] {(float) pw[0], (float) pw[1]}, w.toFloatArray(), 1e-5f, "weights after step " + t);
                    assertEquals(pb, bias.getFloat(0), 1e-5, "bias (no decay) after step " + t);
                    assertArrayEquals(new float[] {0, 0}, w.getGradient().toFloatArray(), "gradients zeroed");
                }
            }
        }
    }

    @Test
    void nonFiniteGradientSkipsTheUpdate() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.create(new float[] {1.0f, 2.0f});
            try (AdamW opt = new AdamW(Map.of("w", w), Set.of(), 0.0, m)) {
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    gc.backward(w.sqrt().neg().add(w.get(0).log().mul(0)).sum().add(w.sub(w).div(w.sub(w)).sum()));
                }
                assertTrue(Double.isNaN(opt.step(0.1, 1.0)));
                assertArrayEquals(new float[] {1.0f, 2.0f}, w.toFloatArray(), "weights untouched");
                assertEquals(0, opt.steps());
                assertArrayEquals(new float[] {0, 0}, w.getGradient().toFloatArray(), "gradients dropped");
            }
        }
    }

    @Test
    void aScaledLossUpdatesExactlyAsTheUnscaledOne() {
        float[][] after = new float[2][];
        double[] norms = new double[2];
        double[] scales = {1.0, 1024.0};
        for (int run = 0; run < 2; run++) {
            try (NDManager m = NDManager.newBaseManager()) {
                NDArray w = m.create(new float[] {1.0f, -2.0f, 0.5f});
                NDArray head = m.create(new float[] {3.0f});
                Map<String, NDArray> params = new LinkedHashMap<>();
                params.put("w", w);
                params.put("head", head);
                try (AdamW opt = new AdamW(params, Set.of("head"), 0.01, m)) {
                    for (int t = 0; t < 3; t++) {
                        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                            gc.backward(w.square().sum().mul(head.sum()).mul(scales[run]));
                        }
                        norms[run] = opt.step(0.05, 1.0, scales[run]);
                    }
                }
                after[run] = new float[] {w.getFloat(0), w.getFloat(1), w.getFloat(2), head.getFloat(0)};
            }
        }
        assertEquals(norms[0], norms[1], 1e-4 * norms[0], "the norm is the unscaled gradient's");
        assertArrayEquals(after[0], after[1], 1e-6f, "clipping and the update see the unscaled gradient");
    }

    @Test
    void decayExcludesBiasesAndNorms() {
        assertTrue(AdamW.decays("encoder.layer.0.attention.self.query.weight"));
        assertFalse(AdamW.decays("encoder.layer.0.attention.self.query.bias"));
        assertFalse(AdamW.decays("embeddings.LayerNorm.weight"));
        assertFalse(AdamW.decays("encoder.block.0.layer.0.layer_norm.weight"));
        assertFalse(AdamW.decays("transformer.layer.0.sa_layer_norm.weight"));
    }
}
