package dev.st4j.trainer;

/**
 * Stops training after {@code patience} evaluations in a row whose primary metric did not improve on
 * the best by more than {@code threshold} (absolute), as Hugging Face's early-stopping callback does.
 */
final class EarlyStopping {
    private final int patience;
    private final double threshold;
    private final boolean greaterIsBetter;
    private Double best;
    private int strikes;

    EarlyStopping(int patience, double threshold, boolean greaterIsBetter) {
        this.patience = patience;
        this.threshold = threshold;
        this.greaterIsBetter = greaterIsBetter;
    }

    /** Records an evaluation; true when training should stop. */
    boolean update(double metric) {
        boolean improved = best == null
                || ((greaterIsBetter ? metric > best : metric < best) && Math.abs(metric - best) > threshold);
        if (improved) {
            best = metric;
            strikes = 0;
        } else {
            strikes++;
        }
        return strikes >= patience;
    }
}
