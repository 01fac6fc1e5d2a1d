package dev.st4j.safetensors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.st4j.tensor.TensorDType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The validated header of a safetensors file: every tensor's dtype, shape and byte range, and the
 * free-form metadata. Parsing checks everything a lying or truncated file could get wrong before a
 * single tensor byte is read.
 */
public final class SafetensorsHeader {
    /** Largest header accepted (the format's own reference implementation uses the same bound). */
    public static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, TensorEntry> tensors;
    private final Map<String, String> metadata;

    private SafetensorsHeader(Map<String, TensorEntry> tensors, Map<String, String> metadata) {
        this.tensors = tensors;
        this.metadata = metadata;
    }

    /** Tensors in header order, by name. */
    public Map<String, TensorEntry> tensors() {
        return tensors;
    }

    /** The {@code __metadata__} strings. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /**
     * Parses and validates a header.
     *
     * @param file the file's name, for messages
     * @param headerBytes the JSON header
     * @param dataSize the size of the data section that follows the header
     */
    public static SafetensorsHeader parse(String file, byte[] headerBytes, long dataSize) {
        JsonNode root;
        try {
            root = JSON.readTree(new String(headerBytes, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new SafetensorsException(file + ": header is not valid JSON ("
                    + e.getOriginalMessage().lines().findFirst().orElse("parse error") + ")");
        }
        if (root == null || !root.isObject()) {
            throw new SafetensorsException(file + ": header is not a JSON object");
        }
        Map<String, TensorEntry> tensors = new LinkedHashMap<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals("__metadata__")) {
                readMetadata(file, field.getValue(), metadata);
            } else {
                tensors.put(field.getKey(), readEntry(file, field.getKey(), field.getValue(), dataSize));
            }
        }
        checkNoOverlap(file, tensors);
        return new SafetensorsHeader(tensors, metadata);
    }

    private static void readMetadata(String file, JsonNode node, Map<String, String> out) {
        if (!node.isObject()) {
            throw new SafetensorsException(file + ": __metadata__ is not a JSON object");
        }
        node.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) {
                throw new SafetensorsException(file + ": __metadata__ value '" + e.getKey() + "' is not a string");
            }
            out.put(e.getKey(), e.getValue().asText());
        });
    }

    private static TensorEntry readEntry(String file, String name, JsonNode node, long dataSize) {
        String where = file + ": tensor '" + name + "'";
        if (!node.isObject()) {
            throw new SafetensorsException(where + ": entry is not a JSON object");
        }
        JsonNode dtypeNode = node.get("dtype");
        if (dtypeNode == null || !dtypeNode.isTextual()) {
            throw new SafetensorsException(where + ": missing dtype");
        }
        TensorDType dtype = TensorDType.parse(dtypeNode.asText())
                .orElseThrow(() -> new SafetensorsException(where + ": unsupported dtype '" + dtypeNode.asText() + "'"));
        long[] shape = readLongs(where, node.get("shape"), "shape", -1);
        long[] offsets = readLongs(where, node.get("data_offsets"), "data_offsets", 2);
        long begin = offsets[0];
        long end = offsets[1];
        if (begin > end || end > dataSize) {
            throw new SafetensorsException(where + ": data_offsets [" + begin + ", " + end
                    + "] lie outside the data section of " + dataSize + " bytes");
        }
        long expected;
        try {
            long count = 1;
            for (long d : shape) {
                count = Math.multiplyExact(count, d);
            }
            expected = Math.multiplyExact(count, dtype.byteSize());
        } catch (ArithmeticException e) {
            throw new SafetensorsException(where + ": shape " + java.util.Arrays.toString(shape) + " is too large");
        }
        if (end - begin != expected) {
            throw new SafetensorsException(where + ": shape " + java.util.Arrays.toString(shape) + " of " + dtype
                    + " needs " + expected + " bytes but data_offsets span " + (end - begin));
        }
        return new TensorEntry(name, dtype, shape, begin, end);
    }

    private static long[] readLongs(String where, JsonNode node, String field, int requiredLength) {
        if (node == null || !node.isArray()) {
            throw new SafetensorsException(where + ": missing " + field + " array");
        }
        if (requiredLength >= 0 && node.size() != requiredLength) {
            throw new SafetensorsException(where + ": " + field + " must have " + requiredLength + " values");
        }
        long[] out = new long[node.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = node.get(i);
            if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
                throw new SafetensorsException(where + ": " + field + " holds '" + v + "', expected a non-negative integer");
            }
            out[i] = v.asLong();
        }
        return out;
    }

    private static void checkNoOverlap(String file, Map<String, TensorEntry> tensors) {
        List<TensorEntry> sorted = new ArrayList<>(tensors.values());
        sorted.sort(Comparator.comparingLong(TensorEntry::begin).thenComparingLong(TensorEntry::end));
        for (int i = 1; i < sorted.size(); i++) {
            TensorEntry prev = sorted.get(i - 1);
            TensorEntry cur = sorted.get(i);
            if (cur.begin() < prev.end()) {
                throw new SafetensorsException(file + ": tensor '" + cur.name() + "' overlaps tensor '" + prev.name() + "'");
            }
        }
    }
}
