package dev.st4j.spark;

import dev.st4j.model.EncodeOptions;
import java.io.Serializable;

/**
 * What an executor needs to encode texts as the driver asked, sent with each task: the model (a folder every
 * executor can read, or a Hub id), batching, truncation, prompt and post-processing.
 *
 * @param model the model folder or Hub id, resolved on each executor
 * @param batchSize texts per forward pass
 * @param maxSeqLength tokens kept per text, or null for the model's own limit
 * @param truncateDim leading dimensions kept (Matryoshka models), or null for all
 * @param normalize L2-normalise each embedding
 * @param promptName the model's prompt of that name before each text, or null
 * @param prompt a literal prompt before each text (wins over {@code promptName}), or null
 * @param window texts of a partition sorted by length and encoded together; bounds an executor's memory
 */
public record EncodeSettings(String model, int batchSize, Integer maxSeqLength, Integer truncateDim, boolean normalize,
        String promptName, String prompt, int window) implements Serializable {
    /** Texts encoded together per partition unless asked otherwise. */
    public static final int DEFAULT_WINDOW = 4096;

    /** Refuses sizes below 1, naming the flag. */
    public EncodeSettings {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("--model: a model folder or Hub id is required");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("--batch-size must be a positive integer, got " + batchSize);
        }
        if (maxSeqLength != null && maxSeqLength < 1) {
            throw new IllegalArgumentException("--max-seq-length must be a positive integer, got " + maxSeqLength);
        }
        if (truncateDim != null && truncateDim < 1) {
            throw new IllegalArgumentException("--truncate-dim must be a positive integer, got " + truncateDim);
        }
        if (window < 1) {
            throw new IllegalArgumentException("window must be a positive integer, got " + window);
        }
    }

    /** The model's defaults: batch 32, its own length, every dimension, no normalisation, its default prompt. */
    public static EncodeSettings of(String model) {
        return new EncodeSettings(model, 32, null, null, false, null, null, DEFAULT_WINDOW);
    }

    /** A copy with another prompt name (e.g. {@code query}). */
    public EncodeSettings withPromptName(String name) {
        return new EncodeSettings(model, batchSize, maxSeqLength, truncateDim, normalize, name, prompt, window);
    }

    /** The options {@code SentenceTransformer.encode} takes. */
    EncodeOptions options() {
        return new EncodeOptions(batchSize, normalize, false, promptName, prompt);
    }

    /** What makes two loaded models interchangeable: the model and the settings applied to it once loaded. */
    String modelKey() {
        return model + "|" + maxSeqLength + "|" + truncateDim;
    }
}
