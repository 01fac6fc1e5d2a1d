package dev.st4j.encoder;

import dev.st4j.ops.Layers;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/**
 * The bidirectional log-spaced bucketing of relative positions that T5 and MPNet use for their
 * learned attention bias. Computed with float32 tensor ops, as the reference does, so that bucket
 * boundaries round the same way.
 */
public final class RelativePositionBuckets {
    private RelativePositionBuckets() {}

    /**
     * Buckets for every (query, key) pair of a sequence of {@code length}: an int64 (length, length)
     * matrix, relative position = key − query.
     */
    public static NDArray compute(NDManager manager, int length, int numBuckets, int maxDistance) {
        NDArray context = manager.arange(0, length, 1, DataType.INT64).expandDims(1);
        NDArray memory = manager.arange(0, length, 1, DataType.INT64).expandDims(0);
        NDArray relative = memory.sub(context);
        int half = numBuckets / 2;
        NDArray buckets = relative.gt(0).toType(DataType.INT64, false).mul(half);
        NDArray distance = relative.abs();
        int maxExact = half / 2;
        NDArray isSmall = distance.lt(maxExact);
        NDArray large = distance.toType(DataType.FLOAT32, false).div(maxExact).log()
                .div((float) Math.log((double) maxDistance / maxExact))
                .mul(half - maxExact)
                .toType(DataType.INT64, false)
                .add(maxExact)
                .minimum(half - 1);
        return buckets.add(NDArrays.where(isSmall, distance, large));
    }

    /**
     * The attention bias (1, heads, length, length) for a bucket table {@code table} (buckets, heads),
     * created in {@code manager}.
     */
    public static NDArray bias(NDManager manager, NDArray table, int length, int numBuckets, int maxDistance) {
        NDArray buckets = compute(manager, length, numBuckets, maxDistance);
        return Layers.embedding(buckets, table).transpose(2, 0, 1).expandDims(0);
    }
}
