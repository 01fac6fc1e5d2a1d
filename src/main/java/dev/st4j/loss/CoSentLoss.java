package dev.st4j.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import dev.st4j.ops.Cosine;
import dev.st4j.ops.Reductions;
import java.util.List;

/**
 * CoSENT (Su, 2022), the pair_score loss: with s_i = scale·cos(u_i, v_i),
 * loss = log(1 + Σ_{(i,j): y_i < y_j} exp(s_i − s_j)). Only the order of the gold scores matters,
 * so any scale works. Columns: two texts; target: a score.
 */
public final class CoSentLoss implements Loss {
    private final double scale;

    /** CoSENT with sentence-transformers' default scale of 20. */
    public CoSentLoss() {
        this(20.0);
    }

    /** CoSENT with another scale. */
    public CoSentLoss(double scale) {
        this.scale = scale;
    }

    @Override
    public NDArray compute(List<NDArray> embeddings, NDArray targets) {
        NDArray s = Cosine.pairwise(embeddings.get(0), embeddings.get(1)).mul(scale);
        NDArray diff = s.expandDims(1).sub(s.expandDims(0));
        NDArray y = targets.toType(DataType.FLOAT32, false);
        NDArray ordered = y.expandDims(1).lt(y.expandDims(0)).toType(DataType.FLOAT32, false);
        NDArray masked = diff.sub(ordered.neg().add(1f).mul(1e12f));
        NDArray withZero = masked.reshape(-1).concat(masked.getManager().zeros(new ai.djl.ndarray.types.Shape(1)));
        return Reductions.logSumExp(withZero);
    }

    @Override
    public String name() {
        return "CoSENTLoss";
    }
}
