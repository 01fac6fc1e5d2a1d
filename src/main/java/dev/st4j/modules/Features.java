package dev.st4j.modules;

import ai.djl.ndarray.NDArray;

/**
 * What flows between the modules of a sentence-transformers model: per-token vectors and their mask
 * from the transformer, how many leading tokens are a prompt, and the sentence vector once pooling
 * has run.
 */
public record Features(NDArray tokenEmbeddings, NDArray attentionMask, int promptLength, NDArray sentenceEmbedding) {

    /** Token vectors without a prompt, before pooling. */
    public Features(NDArray tokenEmbeddings, NDArray attentionMask, NDArray sentenceEmbedding) {
        this(tokenEmbeddings, attentionMask, 0, sentenceEmbedding);
    }

    /** A copy with another sentence embedding. */
    public Features withSentenceEmbedding(NDArray embedding) {
        return new Features(tokenEmbeddings, attentionMask, promptLength, embedding);
    }
}
