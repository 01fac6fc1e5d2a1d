package dev.st4j.trainer;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.st4j.loss.Loss;
import java.util.ArrayList;
import java.util.List;

/** The plain way: every column of the batch embedded with gradients recorded, the loss, one backward. */
final class FullBatchGradients implements BatchGradients {
    private final BatchEmbedder embedder;
    private final Loss loss;

    FullBatchGradients(BatchEmbedder embedder, Loss loss) {
        this.embedder = embedder;
        this.loss = loss;
    }

    @Override
    public double accumulate(List<Integer> rows, double factor, int seed) {
        Engine.getInstance().setRandomSeed(seed);
        try (NDManager scope = embedder.manager().newSubManager();
                GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            List<NDArray> embeddings = new ArrayList<>();
            for (int c = 0; c < embedder.columns(); c++) {
                embeddings.add(embedder.embed(c, rows, scope));
            }
            NDArray value = loss.compute(embeddings, embedder.targets(rows, scope));
            collector.backward(factor == 1.0 ? value : value.mul(factor));
            return value.getFloat(); // waits for the device
        }
    }
}
