package dev.st4j.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import java.util.function.UnaryOperator;

/** The neural-network building blocks the encoders share, as functions of NDArrays. */
public final class NnOps {
    /** What Hugging Face adds to attention scores of padded keys: the float32 minimum. */
    public static final float MASK_VALUE = -Float.MAX_VALUE;

    private NnOps() {}

    /**
     * Runs {@code step} on {@code input} inside a scope that frees every intermediate array as soon as the
     * step returns; only the result survives, attached to the input's manager. Autograd keeps its own
     * references to natively allocated tensors, so this is safe while training, provided the step
     * creates no tensor over Java memory (see {@link #scalar}); it keeps a forward pass from holding
     * every layer's activations until the batch ends.
     */
    public static NDArray scoped(NDArray input, UnaryOperator<NDArray> step) {
        NDManager parent = input.getManager();
        try (NDManager scope = parent.newSubManager()) {
            input.tempAttach(scope);
            NDArray out = step.apply(input);
            out.attach(parent);
            return out;
        }
    }

    /** {@code x · wᵀ + b} with a PyTorch-layout weight (out, in); {@code b} may be null. */
    public static NDArray linear(NDArray x, NDArray w, NDArray b) {
        return b == null ? Linear.linear(x, w).singletonOrThrow() : Linear.linear(x, w, b).singletonOrThrow();
    }

    /**
     * A scalar as a natively allocated tensor in {@code like}'s manager and type. Inside a
     * {@link #scoped} step, use this instead of DJL's {@code x.mul(2.0)}-style overloads: those wrap a
     * Java-owned buffer that is freed once the scope closes, while autograd may still read the scalar
     * during the backward pass (that produced rare, random NaN gradients).
     */
    public static NDArray scalar(NDArray like, double value) {
        return like.getManager().full(new Shape(), (float) value, like.getDataType());
    }

    /** Layer normalisation over the last axis. */
    public static NDArray layerNorm(NDArray x, NDArray gamma, NDArray beta, double eps) {
        return LayerNorm.layerNorm(x, new Shape(x.getShape().tail()), gamma, beta, (float) eps).singletonOrThrow();
    }

    /** T5's root-mean-square norm: no mean subtraction, no bias. */
    public static NDArray rmsNorm(NDArray x, NDArray weight, double eps) {
        NDArray variance = x.square().mean(new int[] {-1}, true);
        return x.div(variance.add(scalar(x, eps)).sqrt()).mul(weight);
    }

    /**
     * Inverted dropout with probability {@code p}, active only when {@code training}: elements are kept
     * where a uniform draw is at least {@code p} and scaled by 1/(1−p). Drawing uniforms costs about half
     * of what PyTorch's per-element Bernoulli sampling does on CPU (see docs/performance.md).
     */
    public static NDArray dropout(NDArray x, float p, boolean training) {
        if (!training || p <= 0f) {
            return x;
        }
        if (p >= 1f) {
            return x.mul(scalar(x, 0));
        }
        NDArray keep = x.getManager().randomUniform(0f, 1f, x.getShape(), x.getDataType()).gte(p)
                .toType(x.getDataType(), false).mul(scalar(x, 1.0 / (1.0 - p)));
        return x.mul(keep);
    }

    /** Rows of {@code table} selected by integer {@code ids}. */
    public static NDArray embedding(NDArray ids, NDArray table) {
        return ids.getNDArrayInternal().embedding(ids, table, SparseFormat.DENSE).singletonOrThrow();
    }

    /** The activation a config names: {@code gelu} (exact erf form), {@code relu}, {@code gelu_new}, {@code tanh}. */
    public static NDArray activation(String name, NDArray x) {
        return switch (name) {
            case "gelu" -> x.getNDArrayInternal().gelu();
            case "relu" -> x.getNDArrayInternal().relu();
            case "gelu_new", "gelu_pytorch_tanh" -> geluTanh(x);
            case "tanh" -> x.tanh();
            default -> throw new IllegalArgumentException("activation '" + name + "' is not supported");
        };
    }

    private static NDArray geluTanh(NDArray x) {
        NDArray cube = x.mul(x).mul(x);
        NDArray inner = x.add(cube.mul(scalar(x, 0.044715))).mul(scalar(x, Math.sqrt(2.0 / Math.PI)));
        return x.mul(scalar(x, 0.5)).mul(inner.tanh().add(scalar(x, 1)));
    }

    /** The additive attention bias for a (batch, length) 0/1 mask, shaped (batch, 1, 1, length). */
    public static NDArray additiveMask(NDArray attentionMask) {
        NDArray m = attentionMask.toType(DataType.FLOAT32, false);
        return m.neg().add(1f).mul(MASK_VALUE).expandDims(1).expandDims(1);
    }

    /**
     * Arrays joined along their first axis, owned by {@code owner}: DJL puts a concatenation in the
     * first part's manager, which for model weights would keep it alive as long as the model.
     */
    public static NDArray concatRows(NDManager owner, NDArray... parts) {
        NDArray out = NDArrays.concat(new NDList(parts), 0);
        out.attach(owner);
        return out;
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
     * probabilities. BERT-style encoders divide by √head_size (applied to q, the smaller tensor); T5 and
     * pre-scaled queries pass 1. A null {@code bias} adds nothing (no padding, no position bias).
     */
    public static NDArray attention(NDArray q, NDArray k, NDArray v, NDArray bias, double divisor, float dropout,
            boolean training) {
        NDArray query = divisor == 1.0 ? q : q.mul(scalar(q, 1.0 / divisor));
        NDArray scores = query.matMul(k.transpose(0, 1, 3, 2));
        NDArray probs = (bias == null ? scores : scores.add(bias)).softmax(-1);
        return dropout(probs, dropout, training).matMul(v);
    }
}
