package dev.st4j.bench;

import dev.st4j.model.EncodeOptions;
import dev.st4j.model.SentenceTransformer;
import java.util.List;

/** Times {@link SentenceTransformer#encode} over a list of texts after one warm-up pass. */
public final class EncodeBenchmark {
    private EncodeBenchmark() {}

    /** One measurement. */
    public record Result(String name, int texts, int batchSize, int maxSeqLength, double seconds, double textsPerSecond) {}

    /** Encodes {@code texts} once to warm up (at most 256 of them), then once timed. */
    public static Result run(String name, SentenceTransformer model, List<String> texts, int batchSize) {
        EncodeOptions options = EncodeOptions.DEFAULTS.withBatchSize(batchSize);
        model.encode(texts.subList(0, Math.min(256, texts.size())), options);
        long start = System.nanoTime();
        model.encode(texts, options);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(name, texts.size(), batchSize, model.maxSeqLength(), seconds, texts.size() / seconds);
    }
}
