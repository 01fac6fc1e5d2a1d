package dev.st4j.tokenizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.st4j.io.JsonFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a tokenizer folder's special tokens from {@code tokenizer_config.json} and {@code special_tokens_map.json}. */
final class SpecialTokens {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SpecialTokens() {}

    /** {@code tokenizer_config.json} merged over {@code special_tokens_map.json}; empty when neither exists. */
    static JsonNode readConfig(Path dir) throws IOException {
        ObjectNode merged = JSON.createObjectNode();
        for (String name : new String[] {"special_tokens_map.json", "tokenizer_config.json"}) {
            Path file = dir.resolve(name);
            if (Files.exists(file)) {
                JsonNode node = JsonFiles.read(file);
                if (node != null && node.isObject()) {
                    merged.setAll((ObjectNode) node);
                }
            }
        }
        return merged;
    }

    /** A special token's text, whether written as a string or as an added-token object with {@code content}. */
    static String token(JsonNode cfg, String key, String fallback) {
        JsonNode v = cfg.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (v.isObject() && v.has("content")) {
            return v.get("content").asText();
        }
        return v.asText();
    }
}
