package dev.st4j.spark;

import dev.st4j.model.SentenceTransformer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Encodes the rows of one partition as they are read: a window of rows at a time, sorted by length inside the
 * window so that batches pad little, with a model borrowed from {@link ExecutorModels} for each window. Memory stays within one window of texts and embeddings, whatever the partition's size.
 *
 * @param <T> the rows read
 * @param <R> the rows written, one per row read
 */
final class PartitionEncoder<T, R> implements Iterator<R> {
    private final Iterator<T> rows;
    private final EncodeSettings settings;
    private final Function<T, String> text;
    private final BiFunction<T, float[], R> output;
    private final List<R> ready = new ArrayList<>();
    private int next;

    PartitionEncoder(Iterator<T> rows, EncodeSettings settings, Function<T, String> text, BiFunction<T, float[], R> output) {
        this.rows = rows;
        this.settings = settings;
        this.text = text;
        this.output = output;
    }

    @Override
    public boolean hasNext() {
        if (next == ready.size()) {
            fill();
        }
        return next < ready.size();
    }

    @Override
    public R next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ready.get(next++);
    }

    private void fill() {
        ready.clear();
        next = 0;
        List<T> window = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        while (rows.hasNext() && window.size() < settings.window()) {
            T row = rows.next();
            window.add(row);
            texts.add(text.apply(row));
        }
        if (window.isEmpty()) {
            return;
        }
        SentenceTransformer model = ExecutorModels.borrow(settings);
        try {
            float[][] embeddings = model.encode(texts, settings.options());
            for (int i = 0; i < window.size(); i++) {
                ready.add(output.apply(window.get(i), embeddings[i]));
            }
        } finally {
            ExecutorModels.release(settings, model);
        }
    }
}
