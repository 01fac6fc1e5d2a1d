package dev.st4j.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import static dev.st4j.ops.Layers.dropout;
import static dev.st4j.ops.Scopes.scalar;

/** Multi-head dot-product attention and the reshapes and masks around it. */
public final class Attention {
    /** What Hugging Face adds to attention scores of padded keys: the float32 minimum. */
    public static final float MASK_VALUE = -Float.MAX_VALUE;

    /**
     * The largest (sequences, heads, length, length) float32 score array the materialised path makes at once:
     * batches beyond it are computed a few sequences at a time. Smaller, equal-sized arrays let the allocator
     * reuse freed memory (peak resident memory of qa training at 256 tokens, batch 16: 3.7 → 3.25 GB).
     */
    public static final long CHUNK_BYTES = 16L << 20;

    private Attention() {}

    /** The additive attention bias for a (batch, length) 0/1 mask, shaped (batch, 1, 1, length). */
    public static NDArray additiveMask(NDArray attentionMask) {
        NDArray m = attentionMask.toType(DataType.FLOAT32, false);
        return m.neg().add(1f).mul(MASK_VALUE).expandDims(1).expandDims(1);
    }

    /** (batch, length, 3·heads·size) of fused projections → query, key and value, each (batch, heads, length, size). */
    public static NDList splitQkv(NDArray x, int heads, int headSize) {
        Shape s = x.getShape();
        NDArray split = x.reshape(s.get(0), s.get(1), 3, heads, headSize).transpose(2, 0, 3, 1, 4);
        return new NDList(split.get(0), split.get(1), split.get(2));
    }

    /** (batch, length, heads·size) → (batch, heads, length, size). */
    public static NDArray splitHeads(NDArray x, int heads, int headSize) {
        Shape s = x.getShape();
        return x.reshape(s.get(0), s.get(1), heads, headSize).transpose(0, 2, 1, 3);
    }

    /** (batch, heads, length, size) → (batch, length, heads·size). */
    public static NDArray mergeHeads(NDArray x) {
        Shape s = x.getShape();
        return x.transpose(0, 2, 1, 3).reshape(s.get(0), s.get(2), s.get(1) * s.get(3));
    }

    /**
     * Dot-product attention over split heads: softmax(q·kᵀ / divisor + bias)·v, with dropout on the
     * probabilities. BERT-style encoders divide by √head_size; T5 and pre-scaled queries pass 1. A null
     * {@code bias} adds nothing (no padding, no position bias). Where no probability is dropped (inference, or
     * an attention dropout of 0) and the inputs allow, PyTorch's fused kernel computes it ({@link FusedAttention});
     * otherwise, and as the fused path's oracle, {@link #materialised}.
     */
    public static NDArray attention(NDArray q, NDArray k, NDArray v, NDArray bias, double divisor, float dropout,
            boolean training) {
        boolean dropsProbabilities = training && dropout > 0f;
        if (!dropsProbabilities && !Autocast.active() && FusedAttention.serves(q, k, v)) {
            return FusedAttention.attention(q, k, v, bias, divisor);
        }
        return materialised(q, k, v, bias, divisor, dropout, training);
    }

    /**
     * {@link #attention} with the (batch, heads, length, length) scores and probabilities in memory, computed
     * for a few sequences at a time so that no score array is over {@link #CHUNK_BYTES}.
     */
    public static NDArray materialised(NDArray q, NDArray k, NDArray v, NDArray bias, double divisor, float dropout,
            boolean training) {
        return materialised(q, k, v, bias, divisor, dropout, training, CHUNK_BYTES);
    }

    static NDArray materialised(NDArray q, NDArray k, NDArray v, NDArray bias, double divisor, float dropout,
            boolean training, long chunkBytes) {
        Shape s = q.getShape();
        long batch = s.get(0);
        long rows = Math.max(1, chunkBytes / (s.get(1) * s.get(2) * k.getShape().get(2) * Float.BYTES));
        if (rows >= batch) {
            return materialisedChunk(q, k, v, bias, divisor, dropout, training);
        }
        NDList parts = new NDList();
        for (long from = 0; from < batch; from += rows) {
            NDIndex chunk = new NDIndex("{}:{}", from, Math.min(batch, from + rows));
            NDArray b = bias == null || bias.getShape().get(0) == 1 ? bias : bias.get(chunk);
            parts.add(materialisedChunk(q.get(chunk), k.get(chunk), v.get(chunk), b, divisor, dropout, training));
        }
        return NDArrays.concat(parts, 0);
    }

    /**
     * The computation itself. The bias is added in place and the scores are freed once soft-maxed (autograd
     * keeps only the probabilities), so it allocates no more score-sized arrays than it must.
     */
    private static NDArray materialisedChunk(NDArray q, NDArray k, NDArray v, NDArray bias, double divisor,
            float dropout, boolean training) {
        NDArray query = divisor == 1.0 ? q : q.mul(scalar(q, 1.0 / divisor));
        NDArray products = Autocast.forMatMul(query).matMul(Autocast.forMatMul(k).transpose(0, 1, 3, 2));
        NDArray scores = Autocast.toFloat32(products);
        if (bias != null) {
            scores.addi(bias);
        }
        NDArray probs = scores.softmax(-1);
        if (scores != products) {
            products.close();
        }
        scores.close();
        return Autocast.forMatMul(dropout(probs, dropout, training)).matMul(Autocast.forMatMul(v));
    }

    /** The additive bias of causal attention over a (batch, length) 0/1 mask: each query sees real keys at or before it; (batch, 1, length, length). */
    public static NDArray causalMask(NDArray attentionMask) {
        long length = attentionMask.getShape().get(1);
        NDArray positions = attentionMask.getManager().arange(0, (int) length);
        NDArray causal = positions.reshape(1, length).lte(positions.reshape(length, 1));
        return allowed(causal, attentionMask);
    }

    /** The additive bias of bidirectional attention within {@code halfWindow} positions each way, over real keys; (batch, 1, length, length). */
    public static NDArray slidingWindowMask(NDArray attentionMask, int halfWindow) {
        long length = attentionMask.getShape().get(1);
        NDArray positions = attentionMask.getManager().arange(0, (int) length);
        NDArray near = positions.reshape(1, length).sub(positions.reshape(length, 1)).abs().lte(halfWindow);
        return allowed(near, attentionMask);
    }

    private static NDArray allowed(NDArray pattern, NDArray attentionMask) {
        NDArray keys = attentionMask.toType(DataType.BOOLEAN, false).expandDims(1).expandDims(1);
        NDArray ok = pattern.expandDims(0).expandDims(0).logicalAnd(keys).toType(DataType.FLOAT32, false);
        return ok.neg().add(1f).mul(MASK_VALUE);
    }

    /** Key or value heads (batch, kvHeads, length, size) repeated for grouped-query attention: each head {@code groups} times in a row. */
    public static NDArray repeatKv(NDArray x, int groups) {
        if (groups == 1) {
            return x;
        }
        Shape s = x.getShape();
        return x.expandDims(2).repeat(2, groups).reshape(s.get(0), s.get(1) * groups, s.get(2), s.get(3));
    }
}
