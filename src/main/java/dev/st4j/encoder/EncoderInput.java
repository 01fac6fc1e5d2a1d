package dev.st4j.encoder;

import ai.djl.ndarray.NDArray;

/**
 * One tokenized batch as an encoder consumes it: token ids and attention mask, both (batch, length)
 * int64, and optional token type ids of the same shape (null means all zeros).
 */
public record EncoderInput(NDArray inputIds, NDArray attentionMask, NDArray tokenTypeIds) {}
