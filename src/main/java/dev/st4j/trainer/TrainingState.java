package dev.st4j.trainer;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.st4j.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A checkpoint's {@code training_state.json}: the fields of the loop's stateful parts (position, loss meter, loss
 * scaler, early stopping, evaluation history), by part name, written exactly (doubles round-trip) and read back into
 * the same parts of a new loop.
 */
final class TrainingState {
    static final String FILE = "training_state.json";
    private static final ObjectMapper JSON = JsonMapper.builder()
            .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private final Map<String, Object> parts = new LinkedHashMap<>();

    /** Adds a part (null parts, such as the scaler of a float32 run, are left out). */
    TrainingState with(String name, Object part) {
        if (part != null) {
            parts.put(name, part);
        }
        return this;
    }

    /** Writes every part's fields into {@code dir}/training_state.json, atomically. */
    void write(Path dir) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        parts.forEach((name, part) -> root.set(name, JSON.valueToTree(part)));
        AtomicFiles.writeString(dir.resolve(FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    /**
     * Reads {@code dir}/training_state.json into the parts, field by field.
     *
     * @throws IllegalArgumentException (one line) when the file is unreadable or lacks a part
     */
    void read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("resume_from_checkpoint: " + file + " cannot be read (" + firstLine(e) + ")");
        }
        for (Map.Entry<String, Object> part : parts.entrySet()) {
            JsonNode node = root == null ? null : root.get(part.getKey());
            if (node == null) {
                throw new IllegalArgumentException("resume_from_checkpoint: " + file + " has no \"" + part.getKey()
                        + "\" state (was it written by another kind of run?)");
            }
            JSON.readerForUpdating(part.getValue()).readValue(node);
        }
    }

    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
