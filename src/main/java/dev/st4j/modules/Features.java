package dev.st4j.modules;

import ai.djl.ndarray.NDArray;

/**
 * What flows between the modules of a sentence-transformers model: per-token vectors and their mask
 * from the transformer, and the sentence vector once pooling has run.
 */
public record Features(NDArray tokenEmbeddings, NDArray attentionMask, NDArray sentenceEmbedding) {

    /** A copy with another sentence embedding. */
    public Features withSentenceEmbedding(NDArray embedding) {
        return new Features(tokenEmbeddings, attentionMask, embedding);
    }
}
