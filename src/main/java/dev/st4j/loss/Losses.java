package dev.st4j.loss;

import ai.djl.ndarray.NDManager;
import dev.st4j.kind.LossFunction;

/** Builds the loss a trainer kind names. */
public final class Losses {
    private Losses() {}

    /**
     * A new loss of that function.
     *
     * @param manager owns the loss's own parameters (the pair_class classifier)
     * @param dimension the sentence-embedding width
     * @param numLabels classes of a pair_class target (ignored by the other losses)
     * @param seed initialises the classifier's weights
     */
    public static Loss create(LossFunction function, NDManager manager, int dimension, int numLabels, long seed) {
        return switch (function) {
            case MULTIPLE_NEGATIVES_RANKING -> new MultipleNegativesRankingLoss();
            case SOFTMAX -> new SoftmaxLoss(manager, dimension, numLabels, seed);
            case COSENT -> new CoSentLoss();
        };
    }
}
