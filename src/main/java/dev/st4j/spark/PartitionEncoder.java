package dev.st4j.spark;

import dev.st4j.model.SentenceTransformer;
import dev.st4j.model.WindowedEncoding;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Encodes the rows of one partition as they are read, in windows ({@link WindowedEncoding}), with a model
 * borrowed from {@link ExecutorModels} for each window: memory stays within one window whatever the
 * partition's size, and the executor loads no model per partition.
 */
final class PartitionEncoder {
    private PartitionEncoder() {}

    /** The partition's rows, each written with its embedding as {@code settings} say. */
    static <T, R> Iterator<R> encode(Iterator<T> rows, EncodeSettings settings, Function<T, String> text, BiFunction<T, float[], R> output) {
        return new WindowedEncoding<>(rows, settings.window(), text, texts -> encodeWithBorrowedModel(settings, texts), output);
    }

    private static float[][] encodeWithBorrowedModel(EncodeSettings settings, List<String> texts) {
        SentenceTransformer model = ExecutorModels.borrow(settings);
        try {
            return model.encode(texts, settings.options());
        } finally {
            ExecutorModels.release(settings, model);
        }
    }
}
