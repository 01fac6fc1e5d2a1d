package dev.st4j.trainer;

/**
 * Dynamic loss scaling for fp16 training, as PyTorch's {@code GradScaler}: the loss is multiplied by a large
 * scale before the backward pass so that small fp16 gradients do not flush to zero; the optimizer divides
 * it out again. A step whose gradients overflow is skipped and the scale halves; after
 * {@code growthInterval} finite steps in a row it doubles.
 */
public final class LossScaler {
    /** PyTorch's defaults: 2¹⁶ to start, ×2 after 2000 finite steps, ×½ on an overflow. */
    public static final double INITIAL_SCALE = 65536.0;
    public static final int GROWTH_INTERVAL = 2000;
    private static final double GROWTH = 2.0;
    private static final double BACKOFF = 0.5;

    private final int growthInterval;
    private double scale;
    private int finiteSteps;

    /** A scaler with PyTorch's defaults. */
    public LossScaler() {
        this(INITIAL_SCALE, GROWTH_INTERVAL);
    }

    /** A scaler starting at {@code initialScale} that grows after {@code growthInterval} finite steps. */
    public LossScaler(double initialScale, int growthInterval) {
        if (!(initialScale > 0) || growthInterval < 1) {
            throw new IllegalArgumentException("loss scaler: initial scale must be > 0 and growth interval ≥ 1");
        }
        this.scale = initialScale;
        this.growthInterval = growthInterval;
    }

    /** The factor the loss is multiplied by before the backward pass (and the gradients divided by after). */
    public double scale() {
        return scale;
    }

    /** Records the outcome of an optimizer step: {@code finite} is false when its gradients held an infinity or NaN. */
    public void update(boolean finite) {
        if (!finite) {
            scale *= BACKOFF;
            finiteSteps = 0;
            return;
        }
        finiteSteps++;
        if (finiteSteps == growthInterval) {
            scale *= GROWTH;
            finiteSteps = 0;
        }
    }
}
