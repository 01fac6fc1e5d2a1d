package dev.st4j.tensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Widens float16, bfloat16 and float64 elements to float32, exactly as PyTorch's {@code .float()} does. */
public final class Float32 {
    private Float32() {}

    /** The elements of {@code data} (little-endian {@code from}) as little-endian float32. */
    public static ByteBuffer widen(TensorDType from, ByteBuffer data) {
        ByteBuffer in = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int n = in.remaining() / from.byteSize();
        ByteBuffer out = ByteBuffer.allocate(n * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            float v = switch (from) {
                case F16 -> fromHalf(in.getShort());
                case BF16 -> Float.intBitsToFloat((in.getShort() & 0xFFFF) << 16);
                case F64 -> (float) in.getDouble();
                case F32 -> in.getFloat();
                default -> throw new IllegalArgumentException(from + " is not a floating type");
            };
            out.putFloat(v);
        }
        out.flip();
        return out;
    }

    /** IEEE 754 binary16 to float: normal, subnormal, zero, infinity and NaN. */
    static float fromHalf(short bits) {
        int h = bits & 0xFFFF;
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1F;
        int mantissa = h & 0x3FF;
        if (exponent == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            if (mantissa == 0) {
                return Float.intBitsToFloat(sign);
            }
            float value = mantissa * 0x1p-24f;
            return sign == 0 ? value : -value;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }
}
