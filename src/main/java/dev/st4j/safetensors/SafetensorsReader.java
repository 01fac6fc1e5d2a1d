package dev.st4j.safetensors;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.st4j.tensor.RawTensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the tensors of a {@code .safetensors} file into NDArrays, after validating its header. */
public final class SafetensorsReader {
    private SafetensorsReader() {}

    /** Reads only the validated header. */
    public static SafetensorsHeader readHeader(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return readHeader(file, ch);
        } catch (IOException e) {
            throw new SafetensorsException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Reads every tensor into {@code manager}, in header order; floating tensors become float32.
     *
     * @return tensors by name
     */
    public static Map<String, NDArray> read(Path file, NDManager manager) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        readRaw(file).forEach((name, raw) -> out.put(name, raw.toNDArray(manager)));
        return out;
    }

    /** Reads every tensor as stored, in header order. */
    public static Map<String, RawTensor> readRaw(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            SafetensorsHeader header = readHeader(file, ch);
            long dataStart = 8 + headerLength(file, ch);
            Map<String, RawTensor> out = new LinkedHashMap<>();
            for (TensorEntry e : header.tensors().values()) {
                ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(e.end() - e.begin())).order(ByteOrder.LITTLE_ENDIAN);
                readFully(ch, buf, dataStart + e.begin(), file, e.name());
                buf.flip();
                out.put(e.name(), new RawTensor(e.name(), e.dtype(), e.shape(), buf));
            }
            return out;
        } catch (IOException e) {
            throw new SafetensorsException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static SafetensorsHeader readHeader(Path file, FileChannel ch) throws IOException {
        long n = headerLength(file, ch);
        ByteBuffer header = ByteBuffer.allocate((int) n);
        readFully(ch, header, 8, file, "header");
        return SafetensorsHeader.parse(file.toString(), header.array(), ch.size() - 8 - n);
    }

    private static long headerLength(Path file, FileChannel ch) throws IOException {
        long size = ch.size();
        if (size < 8) {
            throw new SafetensorsException(file + ": " + size + " bytes is too short for a safetensors file");
        }
        ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, len, 0, file, "header length");
        long n = len.getLong(0);
        if (n <= 0 || n > SafetensorsHeader.MAX_HEADER_BYTES || n > size - 8) {
            throw new SafetensorsException(file + ": header length " + Long.toUnsignedString(n)
                    + " does not fit a file of " + size + " bytes");
        }
        return n;
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long position, Path file, String what) throws IOException {
        long pos = position;
        while (buf.hasRemaining()) {
            int r = ch.read(buf, pos);
            if (r < 0) {
                throw new SafetensorsException(file + ": truncated while reading " + what);
            }
            pos += r;
        }
    }
}
