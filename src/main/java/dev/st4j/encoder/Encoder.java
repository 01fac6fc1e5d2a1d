package dev.st4j.encoder;

import ai.djl.ndarray.NDArray;

/**
 * A transformer encoder: token ids in, one contextual vector per token out. Implementations are
 * built from DJL NDArray operations so that the same code serves inference and training.
 */
public interface Encoder {
    /**
     * Runs the encoder.
     *
     * @param input the tokenized batch
     * @param training true to apply dropout (autograd records whenever a gradient collector is open)
     * @return last hidden state, (batch, length, hidden) float32
     */
    NDArray forward(EncoderInput input, boolean training);

    /** The configuration the encoder was built from. */
    EncoderConfig config();

    /** The encoder's tensors. */
    EncoderWeights weights();
}
