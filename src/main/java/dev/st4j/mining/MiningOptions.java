package dev.st4j.mining;

/**
 * How hard negatives are chosen.
 *
 * @param numNegatives negatives kept per (anchor, positive) pair
 * @param topK candidates looked at per anchor, most similar first (the positive and filtered ones included)
 * @param maxScore candidates scoring above this are skipped as likely positives (null: no limit)
 * @param margin candidates scoring above the positive's score minus this are skipped (null: no margin)
 * @param blockSize anchors and candidates compared per block: memory stays within two blocks of scores
 * @param batchSize texts encoded per batch
 */
public record MiningOptions(int numNegatives, int topK, Double maxScore, Double margin, int blockSize, int batchSize) {
    /** One negative among the 10 most similar, no score limits, blocks of 1024, batches of 32. */
    public static final MiningOptions DEFAULTS = new MiningOptions(1, 10, null, null, 1024, 32);

    /** Checks the values; each failure is one line naming the flag. */
    public MiningOptions {
        if (numNegatives < 1) {
            throw new IllegalArgumentException("--num-negatives must be at least 1, got " + numNegatives);
        }
        if (topK < numNegatives) {
            throw new IllegalArgumentException("--top-k must be at least --num-negatives (" + numNegatives + "), got " + topK);
        }
        if (blockSize < 1 || batchSize < 1) {
            throw new IllegalArgumentException("--block-size and --batch-size must be positive");
        }
        if (margin != null && margin < 0) {
            throw new IllegalArgumentException("--margin must be >= 0, got " + margin);
        }
    }
}
