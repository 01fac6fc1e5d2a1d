package dev.st4j.trainer;

import dev.st4j.data.Dataset;
import dev.st4j.params.BatchSampling;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The batches of each training epoch, in order ({@code batch_sampler}): the rows are reshuffled every epoch
 * from the run's seeded generator, then cut into batches, or grouped so that no text appears twice in a batch.
 */
abstract class BatchSampler {
    private final List<Integer> order = new ArrayList<>();
    private final Random random;
    final int batchSize;

    BatchSampler(int rows, int batchSize, Random random) {
        for (int i = 0; i < rows; i++) {
            order.add(i);
        }
        this.batchSize = batchSize;
        this.random = random;
    }

    /** The sampler {@code sampling} names over {@code train}'s rows. */
    static BatchSampler of(BatchSampling sampling, Dataset train, int batchSize, Random random) {
        return sampling == BatchSampling.NO_DUPLICATES ? new NoDuplicatesBatchSampler(train, batchSize, random)
                : new ShuffledBatchSampler(train.size(), batchSize, random);
    }

    /** The next epoch's batches: the rows reshuffled (the previous epoch's order shuffled again), then grouped. */
    final List<List<Integer>> nextEpoch() {
        Collections.shuffle(order, random);
        return group(List.copyOf(order));
    }

    /** Groups the rows of one epoch, in {@code shuffled} order, into batches of at most {@link #batchSize}. */
    abstract List<List<Integer>> group(List<Integer> shuffled);
}
