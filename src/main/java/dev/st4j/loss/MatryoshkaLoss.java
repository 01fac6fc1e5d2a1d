package dev.st4j.loss;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * sentence-transformers' MatryoshkaLoss: the inner loss of the embeddings cut to each of several leading widths,
 * summed (each with weight 1), so that the first dimensions carry the most and a truncated embedding stays useful.
 * The cut embeddings are not renormalised; losses that compare by cosine normalise them.
 */
public final class MatryoshkaLoss implements Loss {
    private final Loss inner;
    private final int[] dims;

    /** {@code inner} at each of {@code dims} (any order; kept largest first). */
    public MatryoshkaLoss(Loss inner, int[] dims) {
        this.inner = inner;
        this.dims = Arrays.stream(dims).boxed().sorted((a, b) -> b - a).mapToInt(Integer::intValue).toArray();
    }

    @Override
    public NDArray compute(List<NDArray> embeddings, NDArray targets) {
        NDArray total = null;
        for (int dim : dims) {
            List<NDArray> cut = new ArrayList<>(embeddings.size());
            for (NDArray e : embeddings) {
                cut.add(dim >= e.getShape().get(1) ? e : e.get(":, :" + dim));
            }
            NDArray value = inner.compute(cut, targets);
            total = total == null ? value : total.add(value);
        }
        return total;
    }

    @Override
    public Map<String, NDArray> parameters() {
        return inner.parameters();
    }

    @Override
    public String name() {
        return "MatryoshkaLoss(" + inner.name() + ")";
    }

    /** The loss inside. */
    public Loss inner() {
        return inner;
    }
}
