package dev.st4j.trainer;

/** Running means of the training loss: since the last log line, and over the whole run. */
final class LossMeter {
    private double recentSum;
    private int recentCount;
    private double totalSum;
    private int totalCount;

    /** Adds one batch's loss. */
    void add(double loss) {
        recentSum += loss;
        recentCount++;
        totalSum += loss;
        totalCount++;
    }

    /** The mean since the previous call (NaN if no batch since), and starts a new window. */
    double takeRecent() {
        double mean = recentSum / recentCount;
        recentSum = 0;
        recentCount = 0;
        return mean;
    }

    /** The mean over every batch so far (0 before the first). */
    double mean() {
        return totalCount == 0 ? 0 : totalSum / totalCount;
    }
}
