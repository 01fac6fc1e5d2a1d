package dev.st4j.trainer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.st4j.engine.Autograd;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AdamW as PyTorch implements it (decoupled weight decay, bias-corrected moments, ε added after the
 * square root), with global gradient-norm clipping. Weight decay skips biases and normalisation
 * weights, as Hugging Face's trainer does. Updates run in place with gradient recording off, and every
 * temporary of a step is freed before the next.
 */
public final class AdamW implements AutoCloseable {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;

    private final List<Slot> slots = new ArrayList<>();
    private final NDManager state;
    private final double weightDecay;
    private int step;

    private record Slot(String name, NDArray param, NDArray m, NDArray v, boolean decay, boolean clipped) {}

    /**
     * @param parameters trainable tensors by name; each gets {@code requiresGradient}
     * @param unclipped names left out of gradient clipping (a loss's classifier head)
     * @param weightDecay decoupled decay for the weights that take it
     * @param owner the manager the optimizer's state is created under
     */
    public AdamW(Map<String, NDArray> parameters, java.util.Set<String> unclipped, double weightDecay, NDManager owner) {
        this.state = owner.newSubManager();
        this.weightDecay = weightDecay;
        for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
            NDArray p = e.getValue();
            p.setRequiresGradient(true);
            slots.add(new Slot(e.getKey(), p, state.zeros(p.getShape(), p.getDataType(), p.getDevice()),
                    state.zeros(p.getShape(), p.getDataType(), p.getDevice()), decays(e.getKey()), !unclipped.contains(e.getKey())));
        }
    }

    /** Whether a parameter takes weight decay: not biases, not LayerNorm or RMS-norm weights. */
    public static boolean decays(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return !name.endsWith("bias") && !lower.contains("layernorm") && !lower.contains("layer_norm");
    }

    /**
     * Clips the gradients to a global norm of {@code maxNorm} (0 disables), applies one update at
     * learning rate {@code lr}, and zeroes the gradients. When the gradient is not finite (NaN or
     * infinite) no weight is changed and the gradients are dropped.
     *
     * @return the global gradient norm before clipping (NaN or infinite for a skipped update)
     */
    public double step(double lr, double maxNorm) {
        return step(lr, maxNorm, 1.0);
    }

    /**
     * As {@link #step(double, double)}, for gradients of a loss multiplied by {@code gradScale} (a
     * {@link LossScaler}'s): they are divided by it before clipping and the update.
     *
     * @return the global norm of the unscaled gradient (NaN or infinite for a skipped update)
     */
    public double step(double lr, double maxNorm, double gradScale) {
        step++;
        try (Autograd.Scope noGrad = Autograd.noGrad(); NDManager scope = state.newSubManager()) {
            Map<Slot, NDArray> grads = new LinkedHashMap<>();
            for (Slot s : slots) {
                s.param().tempAttach(scope);
                grads.put(s, s.param().getGradient());
            }
            NDArray sumSquares = null;
            for (Map.Entry<Slot, NDArray> e : grads.entrySet()) {
                if (e.getKey().clipped()) {
                    NDArray sq = e.getValue().square().sum();
                    sumSquares = sumSquares == null ? sq : sumSquares.add(sq);
                }
            }
            double norm = sumSquares == null ? 0
                    : Math.sqrt(sumSquares.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble()) / gradScale;
            if (!Double.isFinite(norm)) {
                // A non-finite gradient would turn every weight into NaN; skip the update, as a loss scaler does.
                step--;
                zeroGradients();
                return norm;
            }
            double clip = maxNorm > 0 ? Math.min(1.0, maxNorm / (norm + 1e-6)) : 1.0;
            double bc1 = 1 - Math.pow(BETA1, step);
            double bc2 = 1 - Math.pow(BETA2, step);
            for (Map.Entry<Slot, NDArray> e : grads.entrySet()) {
                Slot s = e.getKey();
                NDArray g = e.getValue();
                double factor = (s.clipped() ? clip : 1.0) / gradScale;
                if (factor != 1.0) {
                    g = g.mul(factor);
                }
                if (s.decay() && weightDecay > 0) {
                    s.param().muli(1 - lr * weightDecay);
                }
                s.m().tempAttach(scope);
                s.v().tempAttach(scope);
                s.m().muli(BETA1).addi(g.mul(1 - BETA1));
                s.v().muli(BETA2).addi(g.square().muli(1 - BETA2));
                NDArray denom = s.v().sqrt().divi(Math.sqrt(bc2)).addi(EPS);
                s.param().subi(s.m().div(denom).muli(lr / bc1));
                Autograd.zeroGradient(s.param());
            }
            return norm;
        }
    }

    /** Zeroes every gradient without updating (after an interrupted accumulation). */
    public void zeroGradients() {
        for (Slot s : slots) {
            Autograd.zeroGradient(s.param());
        }
    }

    /** The first and second moments by {@code exp_avg.<name>} and {@code exp_avg_sq.<name>} (PyTorch's names), for a checkpoint. */
    public Map<String, NDArray> moments() {
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (Slot s : slots) {
            out.put("exp_avg." + s.name(), s.m());
            out.put("exp_avg_sq." + s.name(), s.v());
        }
        return out;
    }

    /**
     * Continues from a checkpoint: the moments {@link #moments()} wrote and the number of updates applied.
     *
     * @throws IllegalArgumentException naming the first parameter whose moments are missing or of another shape
     */
    public void restore(Map<String, NDArray> moments, int steps) {
        for (Slot s : slots) {
            NDArray m = moments.get("exp_avg." + s.name());
            NDArray v = moments.get("exp_avg_sq." + s.name());
            if (m == null || v == null || !m.getShape().equals(s.m().getShape()) || !v.getShape().equals(s.v().getShape())) {
                throw new IllegalArgumentException("optimizer state: the moments of " + s.name() + " are missing or not of shape "
                        + s.m().getShape());
            }
            s.m().set(m.toType(s.m().getDataType(), false).toByteBuffer());
            s.v().set(v.toType(s.v().getDataType(), false).toByteBuffer());
        }
        this.step = steps;
    }

    /** Number of updates applied so far. */
    public int steps() {
        return step;
    }

    @Override
    public void close() {
        for (Slot s : slots) {
            s.param().setRequiresGradient(false);
        }
        state.close();
    }
}
