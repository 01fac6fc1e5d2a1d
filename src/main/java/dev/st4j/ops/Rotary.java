package dev.st4j.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/**
 * Rotary position embeddings (RoPE) as Hugging Face applies them: per position p and frequency
 * θ^(−2i/d), the two halves of each head vector are rotated, {@code x·cos + rotate_half(x)·sin}.
 * The tables are float32 and carry no gradient.
 *
 * @param cos (1, 1, length, headSize)
 * @param sin (1, 1, length, headSize)
 */
public record Rotary(NDArray cos, NDArray sin) {

    /** The tables for positions 0..length−1 of {@code headSize}-wide heads with base {@code theta}, in {@code manager}. */
    public static Rotary of(NDManager manager, int length, int headSize, double theta) {
        NDArray exponents = manager.arange(0, headSize, 2).toType(DataType.FLOAT32, false).div(headSize);
        NDArray invFreq = exponents.mul((float) Math.log(theta)).exp().pow(-1f);
        NDArray positions = manager.arange(0, length).toType(DataType.FLOAT32, false).reshape(length, 1);
        NDArray freqs = positions.matMul(invFreq.reshape(1, headSize / 2));
        NDArray emb = NDArrays.concat(new NDList(freqs, freqs), -1);
        return new Rotary(emb.cos().reshape(1, 1, length, headSize), emb.sin().reshape(1, 1, length, headSize));
    }

    /** {@code x} (batch, heads, length, headSize) with its positions applied. */
    public NDArray apply(NDArray x) {
        long half = x.getShape().get(3) / 2;
        NDArray first = x.get(":, :, :, :{}", half);
        NDArray second = x.get(":, :, :, {}:", half);
        NDArray rotated = NDArrays.concat(new NDList(second.neg(), first), -1);
        return x.mul(cos).add(rotated.mul(sin));
    }
}
