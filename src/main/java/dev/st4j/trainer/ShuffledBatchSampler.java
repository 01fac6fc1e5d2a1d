package dev.st4j.trainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** {@code batch_sampler}: consecutive slices of the shuffled rows, the last one smaller when the rows do not divide. */
final class ShuffledBatchSampler extends BatchSampler {
    ShuffledBatchSampler(int rows, int batchSize, Random random) {
        super(rows, batchSize, random);
    }

    @Override
    List<List<Integer>> group(List<Integer> shuffled) {
        List<List<Integer>> batches = new ArrayList<>();
        for (int b = 0; b < shuffled.size(); b += batchSize) {
            batches.add(shuffled.subList(b, Math.min(shuffled.size(), b + batchSize)));
        }
        return batches;
    }
}
