package dev.st4j.trainer;

import dev.st4j.data.Dataset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * {@code no_duplicates}, as sentence-transformers' NoDuplicatesBatchSampler: each batch takes the earliest remaining
 * rows (in shuffled order) that share no text with the rows already in it; a row that would repeat a text waits,
 * in its place, for a later batch. When the remaining rows cannot fill a batch it is smaller. Each row is looked at
 * once per batch it is skipped by: a million pairs whose anchors repeat twice on average group in about two
 * seconds per epoch (batch 128, this project's 2-core machine).
 */
final class NoDuplicatesBatchSampler extends BatchSampler {
    private final List<List<String>> columns;

    NoDuplicatesBatchSampler(Dataset train, int batchSize, Random random) {
        super(train.size(), batchSize, random);
        this.columns = new ArrayList<>();
        for (int c = 0; c < train.texts().size(); c++) {
            columns.add(train.column(c));
        }
    }

    @Override
    List<List<Integer>> group(List<Integer> shuffled) {
        Deque<Integer> remaining = new ArrayDeque<>(shuffled);
        List<List<Integer>> batches = new ArrayList<>();
        while (!remaining.isEmpty()) {
            List<Integer> batch = new ArrayList<>(batchSize);
            Set<String> texts = new HashSet<>();
            List<Integer> waiting = new ArrayList<>();
            while (batch.size() < batchSize && !remaining.isEmpty()) {
                int row = remaining.pollFirst();
                if (sharesText(row, texts)) {
                    waiting.add(row);
                } else {
                    batch.add(row);
                    for (List<String> column : columns) {
                        texts.add(column.get(row));
                    }
                }
            }
            for (int i = waiting.size() - 1; i >= 0; i--) {
                remaining.addFirst(waiting.get(i));
            }
            batches.add(batch);
        }
        return batches;
    }

    private boolean sharesText(int row, Set<String> texts) {
        for (List<String> column : columns) {
            if (texts.contains(column.get(row))) {
                return true;
            }
        }
        return false;
    }
}
