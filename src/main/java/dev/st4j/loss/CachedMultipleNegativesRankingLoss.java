package dev.st4j.loss;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * sentence-transformers' CachedMultipleNegativesRankingLoss: the value of {@link MultipleNegativesRankingLoss} over the
 * whole batch, for runs whose gradients go through a gradient cache, mini-batch by mini-batch (the trainer's
 * GradCache step does that part).
 */
public final class CachedMultipleNegativesRankingLoss implements Loss {
    private final MultipleNegativesRankingLoss plain = new MultipleNegativesRankingLoss();

    @Override
    public NDArray compute(List<NDArray> embeddings, NDArray targets) {
        return plain.compute(embeddings, targets);
    }

    @Override
    public String name() {
        return "CachedMultipleNegativesRankingLoss";
    }
}
