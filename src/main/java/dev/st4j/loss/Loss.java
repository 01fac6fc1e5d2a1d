package dev.st4j.loss;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Map;

/**
 * A training objective over sentence embeddings: the embeddings of each text column of a batch in,
 * a scalar loss out, built from DJL operations so that autograd differentiates it.
 */
public interface Loss {
    /**
     * The loss of one batch.
     *
     * @param embeddings one (batch, dim) array per text column, in column order
     * @param targets (batch) float32 scores or label ids, or null for trainers without a target
     */
    NDArray compute(List<NDArray> embeddings, NDArray targets);

    /** Trainable parameters of the loss itself (a classifier head), by name; most losses have none. */
    default Map<String, NDArray> parameters() {
        return Map.of();
    }

    /** The sentence-transformers class name, for logs and the model card. */
    String name();
}
