package dev.st4j.model;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Rows paired with their embeddings as the rows are read: a window of rows at a time is encoded together (so
 * that {@code encode} sorts it by length and batches pad little), and memory stays within one window of texts
 * and embeddings however long the stream. Used by index building and by Spark's partitions.
 *
 * @param <T> the rows read
 * @param <R> the rows written, one per row read, in the same order
 */
public final class WindowedEncoding<T, R> implements Iterator<R> {
    private final Iterator<T> rows;
    private final int window;
    private final Function<T, String> text;
    private final Function<List<String>, float[][]> encoder;
    private final BiFunction<T, float[], R> output;
    private final List<R> ready = new ArrayList<>();
    private int next;

    /**
     * @param window rows encoded together
     * @param text the text of a row
     * @param encoder embeddings of a window's texts, one per text in order
     * @param output the row written for a row read and its embedding
     */
    public WindowedEncoding(Iterator<T> rows, int window, Function<T, String> text, Function<List<String>, float[][]> encoder,
            BiFunction<T, float[], R> output) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be a positive integer, got " + window);
        }
        this.rows = rows;
        this.window = window;
        this.text = text;
        this.encoder = encoder;
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
        List<T> read = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        while (rows.hasNext() && read.size() < window) {
            T row = rows.next();
            read.add(row);
            texts.add(text.apply(row));
        }
        if (read.isEmpty()) {
            return;
        }
        float[][] embeddings = encoder.apply(texts);
        for (int i = 0; i < read.size(); i++) {
            ready.add(output.apply(read.get(i), embeddings[i]));
        }
    }
}
