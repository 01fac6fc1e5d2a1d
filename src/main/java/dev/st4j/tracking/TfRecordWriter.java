package dev.st4j.tracking;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * Writes TFRecord framing, the container of TensorBoard event files: per record a little-endian
 * uint64 length, the masked CRC-32C of the length, the data, and the masked CRC-32C of the data.
 */
public final class TfRecordWriter {
    private static final int MASK_DELTA = 0xa282ead8;
    private final OutputStream out;

    /** A writer onto {@code out}. */
    public TfRecordWriter(OutputStream out) {
        this.out = out;
    }

    /** Writes one record and flushes, so a crash loses at most the record being written. */
    public void write(byte[] data) throws IOException {
        byte[] length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(data.length).array();
        out.write(length);
        out.write(intLe(maskedCrc(length)));
        out.write(data);
        out.write(intLe(maskedCrc(data)));
        out.flush();
    }

    /** TensorFlow's masked CRC-32C: rotate right by 15 bits, add a constant. */
    public static int maskedCrc(byte[] data) {
        CRC32C crc = new CRC32C();
        crc.update(data);
        int c = (int) crc.getValue();
        return ((c >>> 15) | (c << 17)) + MASK_DELTA;
    }

    private static byte[] intLe(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }
}
