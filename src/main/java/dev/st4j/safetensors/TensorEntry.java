package dev.st4j.safetensors;

import dev.st4j.tensor.TensorDType;

/**
 * One tensor as a safetensors header describes it: name, element type, shape and its byte range
 * inside the data section.
 */
public record TensorEntry(String name, TensorDType dtype, long[] shape, long begin, long end) {

    /** Number of elements. */
    public long elementCount() {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }
}
