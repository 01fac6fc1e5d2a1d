package dev.st4j.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import static dev.st4j.ops.Scopes.scalar;

/** The neural-network layers the encoders and heads share, as functions of NDArrays. */
public final class Layers {
    private Layers() {}

    /** {@code x · wᵀ + b} with a PyTorch-layout weight (out, in); {@code b} may be null. */
    public static NDArray linear(NDArray input, NDArray weight, NDArray bias) {
        NDArray x = Autocast.forMatMul(input);
        NDArray w = Autocast.forMatMul(weight);
        NDArray b = Autocast.forMatMul(bias);
        return b == null ? Linear.linear(x, w).singletonOrThrow() : Linear.linear(x, w, b).singletonOrThrow();
    }

    /** Layer normalisation over the last axis. */
    public static NDArray layerNorm(NDArray input, NDArray gamma, NDArray beta, double eps) {
        NDArray x = Autocast.toFloat32(input);
        NDArray b = beta != null ? beta : x.getManager().zeros(gamma.getShape(), gamma.getDataType());
        return LayerNorm.layerNorm(x, new Shape(x.getShape().tail()), gamma, b, (float) eps).singletonOrThrow();
    }

    /** T5's root-mean-square norm: no mean subtraction, no bias. */
    public static NDArray rmsNorm(NDArray input, NDArray weight, double eps) {
        NDArray x = Autocast.toFloat32(input);
        NDArray variance = x.square().mean(new int[] {-1}, true);
        return x.div(variance.add(scalar(x, eps)).sqrt()).mul(weight);
    }

    /**
     * Inverted dropout with probability {@code p}, active only when {@code training}: each element is
     * dropped independently with probability p ({@link DropoutMask}) and the rest scaled by 1/(1−p). The
     * boolean mask is what backward keeps, a quarter of a float mask's memory.
     */
    public static NDArray dropout(NDArray x, float p, boolean training) {
        if (!training || p <= 0f) {
            return x;
        }
        if (p >= 1f) {
            return x.mul(scalar(x, 0));
        }
        return x.mul(DropoutMask.keep(x.getManager(), x.getShape(), p)).muli(scalar(x, 1.0 / (1.0 - p)));
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
            case "silu", "swish" -> x.mul(x.getNDArrayInternal().sigmoid());
            default -> throw new IllegalArgumentException("activation '" + name + "' is not supported");
        };
    }

    private static NDArray geluTanh(NDArray x) {
        NDArray cube = x.mul(x).mul(x);
        NDArray inner = x.add(cube.mul(scalar(x, 0.044715))).mul(scalar(x, Math.sqrt(2.0 / Math.PI)));
        return x.mul(scalar(x, 0.5)).mul(inner.tanh().add(scalar(x, 1)));
    }
}
