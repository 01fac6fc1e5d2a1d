package dev.st4j.safetensors;

import ai.djl.ndarray.types.DataType;
import java.util.Arrays;
import java.util.Optional;

/** The element types a safetensors header may name, with their size and DJL counterpart. */
public enum TensorDType {
    F64(8, DataType.FLOAT64),
    F32(4, DataType.FLOAT32),
    F16(2, DataType.FLOAT16),
    BF16(2, DataType.BFLOAT16),
    I64(8, DataType.INT64),
    I32(4, DataType.INT32),
    I16(2, DataType.INT16),
    I8(1, DataType.INT8),
    U8(1, DataType.UINT8),
    BOOL(1, DataType.BOOLEAN);

    private final int byteSize;
    private final DataType djlType;

    TensorDType(int byteSize, DataType djlType) {
        this.byteSize = byteSize;
        this.djlType = djlType;
    }

    /** Bytes per element. */
    public int byteSize() {
        return byteSize;
    }

    /** The DJL data type with the same layout. */
    public DataType djlType() {
        return djlType;
    }

    /** The safetensors name for a DJL data type. */
    public static TensorDType of(DataType type) {
        return Arrays.stream(values())
                .filter(t -> t.djlType == type)
                .findFirst()
                .orElseThrow(() -> new SafetensorsException("data type " + type + " has no safetensors dtype"));
    }

    /** The dtype a header names, if it is one this reader knows. */
    public static Optional<TensorDType> parse(String name) {
        return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
    }
}
