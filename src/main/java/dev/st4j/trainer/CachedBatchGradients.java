package dev.st4j.trainer;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.st4j.engine.Autograd;
import dev.st4j.loss.Loss;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * GradCache (Gao et al., 2021), as sentence-transformers' CachedMultipleNegativesRankingLoss: the loss of the
 * whole batch with the activation memory of one mini-batch. Three passes: every mini-batch embedded without
 * recording gradients; the loss over all embeddings and its gradient with respect to them; every mini-batch
 * embedded again with gradients recorded, each pushing its slice of that gradient into the parameters. A
 * mini-batch draws the same dropout masks in both of its passes (it is reseeded alike), so the gradients are
 * those of the plain loss; each call keeps its own cache.
 */
final class CachedBatchGradients implements BatchGradients {
    private final BatchEmbedder embedder;
    private final Loss loss;
    private final int miniBatchSize;

    CachedBatchGradients(BatchEmbedder embedder, Loss loss, int miniBatchSize) {
        this.embedder = embedder;
        this.loss = loss;
        this.miniBatchSize = miniBatchSize;
    }

    @Override
    public double accumulate(List<Integer> rows, double factor, int seed) {
        List<List<Integer>> minis = new ArrayList<>();
        for (int start = 0; start < rows.size(); start += miniBatchSize) {
            minis.add(rows.subList(start, Math.min(rows.size(), start + miniBatchSize)));
        }
        try (NDManager scope = embedder.manager().newSubManager()) {
            List<NDArray> cached = new ArrayList<>();
            try (Autograd.Scope noGrad = Autograd.noGrad()) {
                for (int c = 0; c < embedder.columns(); c++) {
                    NDList parts = new NDList();
                    for (int m = 0; m < minis.size(); m++) {
                        try (NDManager mini = scope.newSubManager()) { // frees the mini-batch's activations; keeps its embeddings
                            Engine.getInstance().setRandomSeed(miniBatchSeed(seed, c, m));
                            NDArray embeddings = embedder.embed(c, minis.get(m), mini);
                            embeddings.attach(scope);
                            parts.add(embeddings);
                        }
                    }
                    cached.add(parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts, 0));
                }
            }
            double value;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                cached.forEach(e -> e.setRequiresGradient(true));
                NDArray lossValue = loss.compute(cached, embedder.targets(rows, scope));
                collector.backward(factor == 1.0 ? lossValue : lossValue.mul(factor));
                value = lossValue.getFloat();
            }
            for (int c = 0; c < embedder.columns(); c++) {
                NDArray gradient = cached.get(c).getGradient().duplicate();
                int start = 0;
                for (int m = 0; m < minis.size(); m++) {
                    int end = start + minis.get(m).size();
                    try (NDManager replay = scope.newSubManager();
                            GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        Engine.getInstance().setRandomSeed(miniBatchSeed(seed, c, m));
                        NDArray embeddings = embedder.embed(c, minis.get(m), replay);
                        NDArray slice = gradient.get(start + ":" + end);
                        slice.attach(replay);
                        collector.backward(embeddings.mul(slice).sum());
                    }
                    start = end;
                }
            }
            return value;
        }
    }

    /** The seed of one mini-batch of one column: the same in the cached pass and the replay. */
    static int miniBatchSeed(int seed, int column, int miniBatch) {
        return Objects.hash(seed, column, miniBatch);
    }
}
