package dev.st4j.trainer;

/**
 * Stops training after {@code patience} evaluations in a row that did not improve on the best
 * primary metric so far by more than {@code threshold} (absolute), as Hugging Face's
 * {@code EarlyStoppingCallback} does: a smaller improvement still becomes the new best, but counts
 * as a miss.
 */
final class EarlyStopping {
    private final int patience;
    private final double threshold;
    private final boolean greaterIsBetter;
    private Double best;
    private int misses;

    EarlyStopping(int patience, double threshold, boolean greaterIsBetter) {
        this.patience = patience;
        this.threshold = threshold;
        this.greaterIsBetter = greaterIsBetter;
    }

    /** Records an evaluation; true when training should stop. */
    boolean update(double metric) {
        boolean better = best == null || (greaterIsBetter ? metric > best : metric < best);
        boolean enough = best == null || better && Math.abs(metric - best) > threshold;
        misses = enough ? 0 : misses + 1;
        if (better) {
            best = metric;
        }
        return misses >= patience;
    }
}
