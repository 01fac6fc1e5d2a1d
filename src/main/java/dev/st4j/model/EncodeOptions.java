package dev.st4j.model;

/**
 * How {@link SentenceTransformer#encode} batches and post-processes texts.
 *
 * @param batchSize texts per forward pass
 * @param normalizeEmbeddings L2-normalise each embedding
 * @param showProgressBar draw a progress bar on the terminal for long inputs
 */
public record EncodeOptions(int batchSize, boolean normalizeEmbeddings, boolean showProgressBar) {
    /** sentence-transformers' defaults: batch 32, no normalisation, no progress bar. */
    public static final EncodeOptions DEFAULTS = new EncodeOptions(32, false, false);

    /** Validates the batch size. */
    public EncodeOptions {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
    }

    /** A copy with another batch size. */
    public EncodeOptions withBatchSize(int size) {
        return new EncodeOptions(size, normalizeEmbeddings, showProgressBar);
    }

    /** A copy with normalisation switched. */
    public EncodeOptions withNormalizeEmbeddings(boolean normalize) {
        return new EncodeOptions(batchSize, normalize, showProgressBar);
    }

    /** A copy with the progress bar switched. */
    public EncodeOptions withProgressBar(boolean show) {
        return new EncodeOptions(batchSize, normalizeEmbeddings, show);
    }
}
