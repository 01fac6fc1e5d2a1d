package dev.st4j.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.st4j.data.Dataset;
import dev.st4j.params.BatchSampling;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The batch samplers: every row once per epoch, seeded order, and no_duplicates' grouping as sentence-transformers'. */
class BatchSamplerTest {
    private static Dataset pairs(String... texts) {
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        for (int i = 0; i < texts.length; i += 2) {
            a.add(texts[i]);
            b.add(texts[i + 1]);
        }
        return new Dataset(Path.of("t.csv"), List.of("anchor", "positive"), List.of(a, b), null, null, 0);
    }

    @Test
    void shuffledBatchesAreConsecutiveSlicesAndTheLastIsSmaller() {
        BatchSampler s = BatchSampler.of(BatchSampling.BATCH_SAMPLER, pairs("a", "b", "c", "d", "e", "f", "g", "h", "i", "j"), 2,
                new Random(1));
        List<List<Integer>> epoch = s.nextEpoch();
        assertEquals(List.of(2, 2, 1), epoch.stream().map(List::size).toList());
        assertEquals(Set.of(0, 1, 2, 3, 4), rows(epoch));
    }

    @Test
    void noDuplicatesMakesRowsThatRepeatATextWaitInTheirPlace() {
        NoDuplicatesBatchSampler s = new NoDuplicatesBatchSampler(pairs("a", "b", "a", "c", "d", "e", "f", "b"), 2, new Random(1));
        assertEquals(List.of(List.of(0, 2), List.of(1, 3)), s.group(List.of(0, 1, 2, 3)));
        assertEquals(List.of(List.of(3, 1), List.of(0, 2)), s.group(List.of(3, 0, 1, 2)),
                "row 0 shares b with row 3, waits, and leads the next batch; row 1 follows row 3 since a is not yet used");
        NoDuplicatesBatchSampler same = new NoDuplicatesBatchSampler(pairs("a", "b", "a", "c", "a", "d"), 2, new Random(1));
        assertEquals(List.of(List.of(0), List.of(1), List.of(2)), same.group(List.of(0, 1, 2)), "nothing can share a batch");
    }

    @Test
    void noDuplicatesCoversEveryRowOnceAndNoBatchRepeatsAText() {
        List<String> texts = new ArrayList<>();
        Random r = new Random(3);
        for (int i = 0; i < 400; i++) {
            texts.add("anchor " + r.nextInt(150));
            texts.add("positive " + r.nextInt(300));
        }
        Dataset data = pairs(texts.toArray(String[]::new));
        BatchSampler s = BatchSampler.of(BatchSampling.NO_DUPLICATES, data, 16, new Random(42));
        List<List<Integer>> first = s.nextEpoch();
        List<List<Integer>> second = s.nextEpoch();
        for (List<List<Integer>> epoch : List.of(first, second)) {
            assertEquals(new TreeSet<>(java.util.stream.IntStream.range(0, 400).boxed().toList()), rows(epoch));
            assertEquals(400, epoch.stream().mapToInt(List::size).sum(), "each row once");
            for (List<Integer> batch : epoch) {
                Set<String> seen = new HashSet<>();
                for (int row : batch) {
                    assertTrue(seen.add(data.column(0).get(row)) && seen.add(data.column(1).get(row)), "repeated text in " + batch);
                }
            }
        }
        assertNotEquals(first, second, "reshuffled every epoch");
        assertEquals(first, BatchSampler.of(BatchSampling.NO_DUPLICATES, data, 16, new Random(42)).nextEpoch(), "seeded");
    }

    private static Set<Integer> rows(List<List<Integer>> epoch) {
        Set<Integer> all = new TreeSet<>();
        epoch.forEach(all::addAll);
        return all;
    }
}
