package dev.st4j.params;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The {@code prompts} parameter, as sentence-transformers' training argument: one prompt put before every text,
 * or a JSON object from column name to prompt ({"anchor": "query: ", "positive": "passage: "}).
 */
public final class TrainingPrompts {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TrainingPrompts() {}

    /** What is wrong with {@code value} as a prompts parameter, or null. */
    static String problem(String value) {
        if (value == null || !value.trim().startsWith("{")) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(value);
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                if (!it.next().getValue().isTextual()) {
                    return "expected a JSON object of column name to prompt text, got " + value;
                }
            }
            return null;
        } catch (JsonProcessingException e) {
            return "expected a prompt, or a JSON object of column name to prompt text, got " + value;
        }
    }

    /**
     * The prompt of each text column ({@code columns}: the data file's names, in trainer order), null where none.
     *
     * @throws IllegalArgumentException when the map names a column the data does not have
     */
    public static List<String> forColumns(String value, List<String> columns) {
        List<String> out = new ArrayList<>();
        if (value == null || value.isEmpty()) {
            columns.forEach(c -> out.add(null));
            return out;
        }
        if (!value.trim().startsWith("{")) {
            columns.forEach(c -> out.add(value));
            return out;
        }
        try {
            JsonNode node = JSON.readTree(value);
            for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
                String name = it.next();
                if (!columns.contains(name)) {
                    throw new IllegalArgumentException("prompts: no text column '" + name + "' (text columns: " + columns + ")");
                }
            }
            columns.forEach(c -> out.add(node.has(c) ? node.get(c).asText() : null));
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("prompts: " + e.getOriginalMessage(), e);
        }
    }
}
