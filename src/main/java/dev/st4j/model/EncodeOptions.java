package dev.st4j.model;

/**
 * How {@link SentenceTransformer#encode} batches, prompts and post-processes texts.
 *
 * @param batchSize texts per forward pass
 * @param normalizeEmbeddings L2-normalise each embedding
 * @param showProgressBar draw a progress bar on the terminal for long inputs
 * @param promptName the name of one of the model's prompts to put before each text, or null
 * @param prompt a literal prompt to put before each text (wins over {@code promptName}), or null
 */
public record EncodeOptions(int batchSize, boolean normalizeEmbeddings, boolean showProgressBar, String promptName, String prompt) {
    /** sentence-transformers' defaults: batch 32, no normalisation, no progress bar, the model's default prompt. */
    public static final EncodeOptions DEFAULTS = new EncodeOptions(32, false, false);

    /** Validates the batch size. */
    public EncodeOptions {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
    }

    /** Options without a prompt of their own (the model's default prompt applies). */
    public EncodeOptions(int batchSize, boolean normalizeEmbeddings, boolean showProgressBar) {
        this(batchSize, normalizeEmbeddings, showProgressBar, null, null);
    }

    /** A copy with another batch size. */
    public EncodeOptions withBatchSize(int size) {
        return new EncodeOptions(size, normalizeEmbeddings, showProgressBar, promptName, prompt);
    }

    /** A copy with normalisation switched. */
    public EncodeOptions withNormalizeEmbeddings(boolean normalize) {
        return new EncodeOptions(batchSize, normalize, showProgressBar, promptName, prompt);
    }

    /** A copy with the progress bar switched. */
    public EncodeOptions withProgressBar(boolean show) {
        return new EncodeOptions(batchSize, normalizeEmbeddings, show, promptName, prompt);
    }

    /** A copy that puts the model's prompt of that name (e.g. {@code query}) before each text. */
    public EncodeOptions withPromptName(String name) {
        return new EncodeOptions(batchSize, normalizeEmbeddings, showProgressBar, name, prompt);
    }

    /** A copy that puts {@code text} before each text. */
    public EncodeOptions withPrompt(String text) {
        return new EncodeOptions(batchSize, normalizeEmbeddings, showProgressBar, promptName, text);
    }
}
