package dev.st4j.tokenizer;

import ai.djl.ndarray.NDManager;
import dev.st4j.encoder.EncoderInput;

/**
 * A batch of tokenized texts, right-padded to its longest member: ids, attention mask and token type
 * ids, one row per text, and how many leading tokens of each row are a prompt (0 when none).
 */
public record TokenBatch(long[][] inputIds, long[][] attentionMask, long[][] tokenTypeIds, int promptLength) {

    /** A batch without a prompt. */
    public TokenBatch(long[][] inputIds, long[][] attentionMask, long[][] tokenTypeIds) {
        this(inputIds, attentionMask, tokenTypeIds, 0);
    }

    /** The same batch, marked as starting with a prompt of {@code tokens} tokens. */
    public TokenBatch withPromptLength(int tokens) {
        return new TokenBatch(inputIds, attentionMask, tokenTypeIds, tokens);
    }

    /** Number of texts. */
    public int size() {
        return inputIds.length;
    }

    /** Padded length. */
    public int length() {
        return inputIds.length == 0 ? 0 : inputIds[0].length;
    }

    /** The batch as int64 NDArrays in {@code manager}. */
    public EncoderInput toInput(NDManager manager) {
        return new EncoderInput(manager.create(inputIds), manager.create(attentionMask), manager.create(tokenTypeIds));
    }
}
