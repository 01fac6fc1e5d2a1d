package dev.st4j.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Dropout's keep-mask: independent draws that drop each element with probability p. Sampled by the
 * gaps between dropped elements (geometric with parameter p), so that a mask of n elements costs
 * about p·n random draws instead of n; for attention dropout (p = 0.1 over batch·heads·length²
 * probabilities) this is where CPU training spent most of its random-number time (see
 * docs/performance.md).
 */
public final class DropoutMask {
    private DropoutMask() {}

    /** A boolean mask of {@code shape}: false (dropped) with probability {@code p}, true otherwise, for 0 &lt; p &lt; 1. */
    public static NDArray keep(NDManager manager, Shape shape, float p) {
        if (!(p > 0f && p < 1f)) {
            throw new IllegalArgumentException("dropout probability must be in (0, 1), got " + p);
        }
        try (NDManager scope = manager.newSubManager()) {
            long n = shape.size();
            NDArray dropped = droppedPositions(scope, n, p);
            NDArray mask = scope.ones(new Shape(n), DataType.BOOLEAN);
            if (dropped.size() > 0) {
                mask = mask.put(dropped, scope.zeros(dropped.getShape(), DataType.BOOLEAN));
            }
            NDArray keep = mask.reshape(shape);
            keep.attach(manager);
            return keep;
        }
    }

    /**
     * The flat positions below {@code n} that a Bernoulli(p) process drops: cumulative sums of
     * geometric gaps, G = ⌊ln V / ln(1−p)⌋ + 1 with V uniform on (0, 1], drawn in chunks until they pass n.
     */
    private static NDArray droppedPositions(NDManager manager, long n, float p) {
        double expected = n * (double) p;
        long chunk = (long) Math.ceil(expected + 6 * Math.sqrt(expected * (1 - p)) + 16);
        double inverseLogKeep = 1.0 / Math.log1p(-p);
        NDArray positions = manager.create(new long[0]);
        long next = 0;
        while (next < n) {
            NDArray v = manager.randomUniform(0f, 1f, new Shape(chunk)).neg().add(1f);
            NDArray gaps = v.log().mul((float) inverseLogKeep).floor().toType(DataType.INT64, false).add(1L);
            NDArray drawn = gaps.cumSum().add(next - 1);
            long last = drawn.get(chunk - 1).getLong();
            long below = last < n ? chunk : drawn.lt(n).sum().getLong();
            positions = positions.concat(drawn.get(new NDIndex(":{}", below)));
            next = last + 1;
        }
        return positions;
    }
}
