package dev.st4j.tensor;

import ai.djl.ndarray.types.DataType;
import java.util.Arrays;
import java.util.Optional;

/**
 * The element types of weight files (named as safetensors names them), with their size and the DJL
 * type they are computed in: floating types are widened to float32 in Java, so that DJL never sees a
 * type it cannot create (BFLOAT16 arrays terminate the JVM in DJL 0.35).
 */
public enum TensorDType {
    F64(8, DataType.FLOAT32),
    F32(4, DataType.FLOAT32),
    F16(2, DataType.FLOAT32),
    BF16(2, DataType.FLOAT32),
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

    /** The DJL data type a tensor of this type is loaded as (float32 for every floating type). */
    public DataType djlType() {
        return djlType;
    }

    /** Whether values are floating point. */
    public boolean isFloating() {
        return this == F64 || this == F32 || this == F16 || this == BF16;
    }

    /** The type that stores a DJL data type as it is (for writing). */
    public static TensorDType of(DataType type) {
        return switch (type) {
            case FLOAT64 -> F64;
            case FLOAT32 -> F32;
            case INT64 -> I64;
            case INT32 -> I32;
            case INT16 -> I16;
            case INT8 -> I8;
            case UINT8 -> U8;
            case BOOLEAN -> BOOL;
            default -> throw new IllegalArgumentException("data type " + type + " cannot be written");
        };
    }

    /** The dtype a header names, if it is one this reader knows. */
    public static Optional<TensorDType> parse(String name) {
        return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
    }
}
