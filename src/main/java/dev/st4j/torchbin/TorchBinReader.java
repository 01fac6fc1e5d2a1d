package dev.st4j.torchbin;

import dev.st4j.pickle.PickleCallable;
import dev.st4j.pickle.PickleException;
import dev.st4j.pickle.RestrictedUnpickler;
import dev.st4j.tensor.RawTensor;
import dev.st4j.tensor.TensorDType;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads the tensors of a {@code pytorch_model.bin} written by {@code torch.save(state_dict)}: the zip
 * format of PyTorch 1.6 and later, and the legacy format before it. The pickle inside is read by a
 * {@link RestrictedUnpickler} that accepts only what a state dict holds ({@code collections.OrderedDict},
 * {@code torch._utils._rebuild_tensor_v2} and its older forms, the {@code torch.*Storage} types and
 * persistent ids); anything else is refused with a one-line error and nothing from the file runs.
 */
public final class TorchBinReader {
    /** The number the legacy format starts with. */
    private static final BigInteger LEGACY_MAGIC = new BigInteger("1950a86a20f9469cfc6c", 16);
    private static final long LEGACY_PROTOCOL = 1001;
    private static final Map<String, TensorDType> STORAGES = Map.of("FloatStorage", TensorDType.F32, "HalfStorage", TensorDType.F16,
            "BFloat16Storage", TensorDType.BF16, "DoubleStorage", TensorDType.F64, "LongStorage", TensorDType.I64,
            "IntStorage", TensorDType.I32, "ShortStorage", TensorDType.I16, "CharStorage", TensorDType.I8,
            "ByteStorage", TensorDType.U8, "BoolStorage", TensorDType.BOOL);

    private TorchBinReader() {}

    /** A storage's element type, as a pickle names it ({@code torch.FloatStorage}). */
    private record StorageType(TensorDType dtype) {}

    /** One storage of the file: its type and its bytes once known. */
    private static final class Storage {
        final TensorDType dtype;
        final String key;
        final long elements;
        ByteBuffer data;

        Storage(TensorDType dtype, String key, long elements) {
            this.dtype = dtype;
            this.key = key;
            this.elements = elements;
        }
    }

    /** A tensor as the pickle describes it: a window of a storage. */
    private record TensorView(Storage storage, long offset, long[] size, long[] stride) {}

    /** Reads every tensor, in the file's order. */
    public static Map<String, RawTensor> read(Path file) throws IOException {
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, 4);
            if (n < 2) {
                throw new IOException(file + ": " + n + " bytes is too short for a PyTorch checkpoint");
            }
        }
        try {
            if (head[0] == 'P' && head[1] == 'K') {
                return readZip(file);
            }
            if ((head[0] & 0xFF) == 0x80) {
                return readLegacy(file);
            }
        } catch (PickleException | ArithmeticException | IllegalArgumentException | java.nio.BufferUnderflowException
                | java.util.zip.ZipException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new IOException(message.startsWith(file.toString()) ? message : file + ": " + message, e);
        }
        throw new IOException(file + ": not a PyTorch checkpoint (neither the zip format nor the legacy pickle format)");
    }

    private static Map<String, RawTensor> readZip(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry pkl = zip.stream().filter(e -> e.getName().endsWith("/data.pkl") || e.getName().equals("data.pkl"))
                    .findFirst().orElseThrow(() -> new IOException(file + ": a zip without data.pkl is not a PyTorch checkpoint"));
            String prefix = pkl.getName().substring(0, pkl.getName().length() - "data.pkl".length());
            ZipEntry order = zip.getEntry(prefix + "byteorder");
            if (order != null) {
                String byteOrder = new String(zip.getInputStream(order).readAllBytes(), StandardCharsets.US_ASCII).strip();
                if (!byteOrder.equals("little")) {
                    throw new IOException(file + ": byte order '" + byteOrder + "' is not supported (expected little)");
                }
            }
            Map<String, Storage> storages = new HashMap<>();
            Object root = unpickler(file, pid -> storage(file, pid, storages))
                    .load(ByteBuffer.wrap(zip.getInputStream(pkl).readAllBytes()));
            for (Storage s : storages.values()) {
                ZipEntry entry = zip.getEntry(prefix + "data/" + s.key);
                if (entry == null) {
                    throw new IOException(file + ": storage '" + s.key + "' is named but not in the archive");
                }
                s.data = ByteBuffer.wrap(zip.getInputStream(entry).readAllBytes());
            }
            return tensors(file, root);
        }
    }

    private static Map<String, RawTensor> readLegacy(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        RestrictedUnpickler plain = unpickler(file, null);
        Object magic = plain.load(b);
        if (!(magic instanceof BigInteger m) || !m.equals(LEGACY_MAGIC)) {
            throw new IOException(file + ": not a PyTorch checkpoint (no legacy magic number)");
        }
        Object protocol = plain.load(b);
        if (!Long.valueOf(LEGACY_PROTOCOL).equals(protocol)) {
            throw new IOException(file + ": legacy protocol " + protocol + " is not supported (expected 1001)");
        }
        Object sysInfo = plain.load(b);
        if (!(sysInfo instanceof Map<?, ?> info) || !Boolean.TRUE.equals(info.get("little_endian"))) {
            throw new IOException(file + ": only little-endian checkpoints are supported");
        }
        Map<String, Storage> storages = new HashMap<>();
        Object root = unpickler(file, pid -> storage(file, pid, storages)).load(b);
        Object keys = plain.load(b);
        if (!(keys instanceof List<?> keyList)) {
            throw new IOException(file + ": the storage key list is missing");
        }
        for (Object key : keyList) {
            Storage s = storages.get(String.valueOf(key));
            if (s == null) {
                throw new IOException(file + ": storage '" + key + "' is listed but no tensor uses it");
            }
            long count = b.getLong();
            long bytes = Math.multiplyExact(count, s.dtype.byteSize());
            if (count < 0 || bytes > b.remaining()) {
                throw new IOException(file + ": storage '" + key + "' claims " + count + " elements past the end of the file");
            }
            ByteBuffer data = b.slice();
            data.limit((int) bytes);
            s.data = data;
            b.position(b.position() + (int) bytes);
        }
        return tensors(file, root);
    }

    private static RestrictedUnpickler unpickler(Path file, java.util.function.Function<Object, Object> persistentLoad) {
        return new RestrictedUnpickler(file.toString(), TorchBinReader::global, persistentLoad);
    }

    /** The globals a state dict needs; everything else is refused. */
    private static Object global(String module, String name) {
        if (module.equals("collections") && name.equals("OrderedDict")) {
            return (PickleCallable) args -> new LinkedHashMap<>();
        }
        if (module.equals("torch._utils") && (name.equals("_rebuild_tensor_v2") || name.equals("_rebuild_tensor"))) {
            return (PickleCallable) TorchBinReader::rebuildTensor;
        }
        if (module.equals("torch._utils") && name.equals("_rebuild_parameter")) {
            return (PickleCallable) args -> args.get(0);
        }
        if (module.equals("torch") && STORAGES.containsKey(name)) {
            return new StorageType(STORAGES.get(name));
        }
        return null;
    }

    /** {@code _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])}. */
    private static Object rebuildTensor(List<Object> args) {
        if (args.size() < 4 || !(args.get(0) instanceof Storage storage)) {
            throw new PickleException("a tensor is rebuilt from something that is not a storage");
        }
        return new TensorView(storage, asLong(args.get(1)), longs(args.get(2)), longs(args.get(3)));
    }

    /** A persistent id {@code ('storage', torch.XStorage, key, location, numel[, view])}. */
    private static Storage storage(Path file, Object pid, Map<String, Storage> storages) {
        if (!(pid instanceof List<?> t) || t.size() < 5 || !"storage".equals(t.get(0)) || !(t.get(1) instanceof StorageType type)) {
            throw new PickleException(file + ": persistent id " + pid + " is not a storage");
        }
        if (t.size() > 5 && t.get(5) != null) {
            throw new PickleException(file + ": storage views of very old PyTorch files are not supported");
        }
        String key = String.valueOf(t.get(2));
        Storage s = storages.computeIfAbsent(key, k -> new Storage(type.dtype(), k, asLong(t.get(4))));
        if (s.dtype != type.dtype()) {
            throw new PickleException(file + ": storage '" + key + "' is read as two types");
        }
        return s;
    }

    private static Map<String, RawTensor> tensors(Path file, Object root) throws IOException {
        if (!(root instanceof Map<?, ?> dict)) {
            throw new IOException(file + ": holds " + describe(root) + ", not a state dict");
        }
        Map<String, RawTensor> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : dict.entrySet()) {
            if (!(e.getKey() instanceof String name) || !(e.getValue() instanceof TensorView view)) {
                throw new IOException(file + ": entry '" + e.getKey() + "' is " + describe(e.getValue())
                        + ", not a tensor (only flat state dicts are read)");
            }
            out.put(name, materialise(file, name, view));
        }
        return out;
    }

    /** Copies a (possibly strided) window of a storage into a contiguous tensor, checking every index first. */
    private static RawTensor materialise(Path file, String name, TensorView v) throws IOException {
        Storage s = v.storage();
        int size = s.dtype.byteSize();
        if (s.data == null || s.data.remaining() < Math.multiplyExact(s.elements, size)) {
            throw new IOException(file + ": tensor '" + name + "': storage '" + s.key + "' is shorter than it claims");
        }
        if (v.size().length != v.stride().length) {
            throw new IOException(file + ": tensor '" + name + "' has " + v.size().length + " sizes and " + v.stride().length + " strides");
        }
        long count = RawTensor.elementCount(v.size());
        long last = v.offset();
        for (int d = 0; d < v.size().length; d++) {
            if (v.stride()[d] < 0) {
                throw new IOException(file + ": tensor '" + name + "' has a negative stride");
            }
            if (v.size()[d] > 0) {
                last = Math.addExact(last, Math.multiplyExact(v.size()[d] - 1, v.stride()[d]));
            }
        }
        if (v.offset() < 0 || (count > 0 && last >= s.elements)) {
            throw new IOException(file + ": tensor '" + name + "' reaches past its storage of " + s.elements + " elements");
        }
        ByteBuffer src = s.data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(count * size)).order(ByteOrder.LITTLE_ENDIAN);
        if (isRowMajor(v.size(), v.stride())) {
            src.position(Math.toIntExact(v.offset() * size));
            src.limit(Math.toIntExact((v.offset() + count) * size));
            out.put(src);
            out.flip();
            return new RawTensor(name, s.dtype, v.size(), out);
        }
        byte[] element = new byte[size];
        long[] index = new long[v.size().length];
        for (long i = 0; i < count; i++) {
            long position = v.offset();
            for (int d = 0; d < index.length; d++) {
                position += index[d] * v.stride()[d];
            }
            src.position((int) (position * size));
            src.get(element);
            out.put(element);
            for (int d = index.length - 1; d >= 0; d--) {
                if (++index[d] < v.size()[d]) {
                    break;
                }
                index[d] = 0;
            }
        }
        out.flip();
        return new RawTensor(name, s.dtype, v.size(), out);
    }

    private static boolean isRowMajor(long[] size, long[] stride) {
        long expected = 1;
        for (int d = size.length - 1; d >= 0; d--) {
            if (size[d] != 1 && stride[d] != expected) {
                return false;
            }
            expected *= size[d];
        }
        return true;
    }

    private static long asLong(Object o) {
        if (o instanceof Long l) {
            return l;
        }
        throw new PickleException("expected an integer, got " + describe(o));
    }

    private static long[] longs(Object o) {
        if (!(o instanceof List<?> list)) {
            throw new PickleException("expected a tuple of integers, got " + describe(o));
        }
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = asLong(list.get(i));
        }
        return out;
    }

    private static String describe(Object o) {
        return o == null ? "None" : o instanceof List<?> ? "a tuple or list" : o instanceof Map<?, ?> ? "a dict"
                : "a " + o.getClass().getSimpleName();
    }
}
