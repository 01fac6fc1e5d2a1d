package dev.st4j.trainer;

import dev.st4j.params.Scheduler;

/**
 * The learning-rate multiplier of Hugging Face's schedules: for optimizer step k (1-based) the
 * multiplier is f(k − 1), with linear warm-up over the first W steps, so the first step's rate is 0.
 */
public final class LearningRateSchedule {
    private static final double POLYNOMIAL_END_LR = 1e-7;

    private final Scheduler type;
    private final int totalSteps;
    private final int warmupSteps;
    private final double peak;

    /**
     * @param type the schedule
     * @param totalSteps optimizer steps in the whole run
     * @param warmupSteps steps of linear warm-up
     * @param peak the configured learning rate
     */
    public LearningRateSchedule(Scheduler type, int totalSteps, int warmupSteps, double peak) {
        this.type = type;
        this.totalSteps = totalSteps;
        this.warmupSteps = warmupSteps;
        this.peak = peak;
    }

    /** Warm-up steps for a ratio: ceil(ratio · total). */
    public static int warmupSteps(double ratio, int totalSteps) {
        return (int) Math.ceil(ratio * totalSteps);
    }

    /** The learning rate of optimizer step {@code step} (1-based). */
    public double rate(int step) {
        return peak * multiplier(step - 1);
    }

    private double multiplier(int s) {
        boolean warming = s < warmupSteps && type != Scheduler.CONSTANT;
        if (warming) {
            return (double) s / Math.max(1, warmupSteps);
        }
        double progress = (double) (s - warmupSteps) / Math.max(1, totalSteps - warmupSteps);
        return switch (type) {
            case LINEAR -> Math.max(0.0, (double) (totalSteps - s) / Math.max(1, totalSteps - warmupSteps));
            case COSINE -> Math.max(0.0, 0.5 * (1.0 + Math.cos(Math.PI * progress)));
            case CONSTANT, CONSTANT_WITH_WARMUP -> 1.0;
            case POLYNOMIAL -> {
                double end = POLYNOMIAL_END_LR / peak;
                yield s > totalSteps ? end : (1 - end) * (1 - progress) + end;
            }
        };
    }
}
