package dev.st4j.loss;

import dev.st4j.ops.Layers;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Softmax loss (Reimers and Gurevych, 2019), the pair_class loss: a linear classifier over
 * concat(u, v, |u − v|) trained with cross-entropy. The classifier is trained with the model but is
 * not part of the saved model. Columns: two texts; target: a label id.
 */
public final class SoftmaxLoss implements Loss {
    private final NDArray weight;
    private final NDArray bias;

    /**
     * A classifier for {@code numLabels} classes over {@code dimension}-wide embeddings, initialised as
     * PyTorch initialises a Linear layer (uniform in ±1/√fan_in), from {@code seed}, in {@code manager}.
     */
    public SoftmaxLoss(NDManager manager, int dimension, int numLabels, long seed) {
        int fanIn = 3 * dimension;
        double bound = 1.0 / Math.sqrt(fanIn);
        Random random = new Random(seed);
        float[] w = new float[numLabels * fanIn];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
        float[] b = new float[numLabels];
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
        this.weight = manager.create(w, new Shape(numLabels, fanIn));
        this.bias = manager.create(b);
    }

    /** The class scores (batch, labels) for two columns' embeddings. */
    public NDArray logits(NDArray u, NDArray v) {
        NDArray features = NDArrays.concat(new NDList(u, v, u.sub(v).abs()), 1);
        return Layers.linear(features, weight, bias);
    }

    @Override
    public NDArray compute(List<NDArray> embeddings, NDArray targets) {
        NDArray logits = logits(embeddings.get(0), embeddings.get(1));
        NDArray oneHot = targets.toType(DataType.INT64, false).oneHot((int) logits.getShape().get(1));
        return logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).mean().neg();
    }

    @Override
    public Map<String, NDArray> parameters() {
        Map<String, NDArray> out = new LinkedHashMap<>();
        out.put("classifier.weight", weight);
        out.put("classifier.bias", bias);
        return out;
    }

    @Override
    public String name() {
        return "SoftmaxLoss";
    }
}
