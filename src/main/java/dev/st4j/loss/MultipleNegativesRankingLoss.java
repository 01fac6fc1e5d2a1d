package dev.st4j.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import dev.st4j.ops.Cosine;
import java.util.List;

/**
 * Multiple negatives ranking loss (Henderson et al., 2017), for pair, qa and triplet: each anchor must
 * pick its own positive among all positives in the batch (and all negatives, when a third column
 * exists): cross-entropy over scale·cos(anchor, candidates), anchor → candidate only.
 */
public final class MultipleNegativesRankingLoss implements Loss {
    private final double scale;

    /** The loss with sentence-transformers' default scale of 20. */
    public MultipleNegativesRankingLoss() {
        this(20.0);
    }

    /** The loss with another scale. */
    public MultipleNegativesRankingLoss(double scale) {
        this.scale = scale;
    }

    @Override
    public NDArray compute(List<NDArray> embeddings, NDArray targets) {
        NDArray anchors = embeddings.get(0);
        NDArray candidates = embeddings.size() == 2 ? embeddings.get(1)
                : NDArrays.concat(new NDList(embeddings.subList(1, embeddings.size())), 0);
        NDArray logits = Cosine.matrix(anchors, candidates).mul(scale);
        int batch = (int) anchors.getShape().get(0);
        NDArray diagonal = logits.getManager().eye(batch, (int) candidates.getShape().get(0), 0, logits.getDataType());
        return logits.logSoftmax(1).mul(diagonal).sum(new int[] {1}).mean().neg();
    }

    @Override
    public String name() {
        return "MultipleNegativesRankingLoss";
    }
}
