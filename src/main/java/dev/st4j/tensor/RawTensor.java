package dev.st4j.tensor;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A tensor as a weight file holds it: a type, a shape and its elements in row-major order,
 * little-endian. Readers of every format produce these; {@link #toNDArray} is the one place they
 * become native tensors.
 */
public record RawTensor(String name, TensorDType dtype, long[] shape, ByteBuffer data) {

    /** A tensor whose data must hold exactly the elements the shape asks for. */
    public RawTensor {
        long expected = elementCount(shape) * dtype.byteSize();
        if (data.remaining() != expected) {
            throw new IllegalArgumentException("tensor '" + name + "': " + data.remaining() + " bytes for shape "
                    + Arrays.toString(shape) + " of " + dtype + " (expected " + expected + ")");
        }
        data = data.slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Elements in a shape (1 for a scalar); negative dimensions are refused. */
    public static long elementCount(long[] shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** The tensor in {@code manager}: floating types as float32 (converted here, in Java), the others as they are. */
    public NDArray toNDArray(NDManager manager) {
        ByteBuffer bytes = dtype.isFloating() && dtype != TensorDType.F32 ? Float32.widen(dtype, data) : data.duplicate();
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.remaining()).order(ByteOrder.nativeOrder());
        if (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN) {
            direct.put(bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN));
        } else {
            throw new IllegalStateException("big-endian machines are not supported");
        }
        direct.flip();
        NDArray array = manager.create(direct, new Shape(shape), dtype.djlType());
        array.setName(name);
        return array;
    }
}
