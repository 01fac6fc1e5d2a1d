package dev.st4j.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.function.UnaryOperator;

/** Native-memory scoping of tensor work: intermediates freed as a step ends, scalars and results owned where they must be. */
public final class Scopes {
    private Scopes() {}

    /**
     * Runs {@code step} on {@code input} inside a scope that frees every intermediate array as soon as the
     * step returns; only the result survives, attached to the input's manager. Autograd keeps its own
     * references to natively allocated tensors, so this is safe while training, provided the step
     * creates no tensor over Java memory (see {@link Scopes#scalar}); it keeps a forward pass from holding
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

    /**
     * A scalar as a natively allocated tensor in {@code like}'s manager and type. Inside a
     * {@link Scopes#scoped} step, use this instead of DJL's {@code x.mul(2.0)}-style overloads: those wrap a
     * Java-owned buffer that is freed once the scope closes, while autograd may still read the scalar
     * during the backward pass (that produced rare, random NaN gradients).
     */
    public static NDArray scalar(NDArray like, double value) {
        return like.getManager().full(new Shape(), (float) value, like.getDataType());
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
}
