package dev.st4j.encoder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.st4j.io.ErrorText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The parts of a Hugging Face {@code config.json} that an encoder needs, read under each
 * architecture's own key names, plus the original JSON so that saving writes it back unchanged.
 */
public record EncoderConfig(
        String modelType,
        int hiddenSize,
        int numLayers,
        int numHeads,
        int headSize,
        int intermediateSize,
        int vocabSize,
        int maxPositionEmbeddings,
        int typeVocabSize,
        double layerNormEps,
        int padTokenId,
        String hiddenAct,
        float hiddenDropout,
        float attentionDropout,
        int relativeAttentionNumBuckets,
        int relativeAttentionMaxDistance,
        ObjectNode json) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads {@code config.json}; a missing or malformed key is a one-line error naming the file and key. */
    public static EncoderConfig read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            if (!Files.exists(file)) {
                throw new IOException(file + ": missing (a transformer folder needs its config.json)", e);
            }
            throw new IOException(file + ": not valid JSON (" + ErrorText.of(e) + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": expected a JSON object");
        }
        return fromJson(file.toString(), (ObjectNode) root);
    }

    /** Builds the config from parsed JSON; {@code source} names it in messages. */
    public static EncoderConfig fromJson(String source, ObjectNode json) {
        Keys k = new Keys(source, json);
        String type = k.string("model_type", null);
        if (type == null) {
            throw new IllegalArgumentException(source + ": missing 'model_type'");
        }
        return switch (type) {
            case "bert", "roberta", "xlm-roberta", "camembert", "mpnet" -> {
                int hidden = k.integer("hidden_size");
                int heads = k.divisor("num_attention_heads", hidden, "hidden_size");
                yield new EncoderConfig(type, hidden, k.integer("num_hidden_layers"), heads, hidden / heads,
                        k.integer("intermediate_size"), k.integer("vocab_size"), k.integer("max_position_embeddings"),
                        k.integer("type_vocab_size", 0), k.decimal("layer_norm_eps", 1e-12),
                        k.integer("pad_token_id", type.equals("bert") ? 0 : 1), k.string("hidden_act", "gelu"),
                        (float) k.decimal("hidden_dropout_prob", 0.1), (float) k.decimal("attention_probs_dropout_prob", 0.1),
                        k.integer("relative_attention_num_buckets", 32), 128, json);
            }
            case "distilbert" -> {
                int hidden = k.integer("dim");
                int heads = k.divisor("n_heads", hidden, "dim");
                yield new EncoderConfig(type, hidden, k.integer("n_layers"), heads, hidden / heads,
                        k.integer("hidden_dim"), k.integer("vocab_size"), k.integer("max_position_embeddings"), 0,
                        1e-12, k.integer("pad_token_id", 0), k.string("activation", "gelu"),
                        (float) k.decimal("dropout", 0.1), (float) k.decimal("attention_dropout", 0.1), 0, 0, json);
            }
            case "t5", "mt5" -> {
                int hidden = k.integer("d_model");
                int heads = k.integer("num_heads");
                yield new EncoderConfig(type, hidden, k.integer("num_layers"), heads, k.integer("d_kv"),
                        k.integer("d_ff"), k.integer("vocab_size"), 0, 0, k.decimal("layer_norm_epsilon", 1e-6),
                        k.integer("pad_token_id", 0), k.string("feed_forward_proj", "relu"),
                        (float) k.decimal("dropout_rate", 0.1), (float) k.decimal("dropout_rate", 0.1),
                        k.integer("relative_attention_num_buckets", 32), k.integer("relative_attention_max_distance", 128),
                        json);
            }
            case "modernbert" -> {
                int hidden = k.integer("hidden_size");
                int heads = k.divisor("num_attention_heads", hidden, "hidden_size");
                yield new EncoderConfig(type, hidden, k.integer("num_hidden_layers"), heads, hidden / heads,
                        k.integer("intermediate_size"), k.integer("vocab_size"), k.integer("max_position_embeddings"), 0,
                        k.decimal("norm_eps", 1e-5), k.integer("pad_token_id", 50283), k.string("hidden_activation", "gelu"),
                        (float) k.decimal("mlp_dropout", 0.0), (float) k.decimal("attention_dropout", 0.0), 0, 0, json);
            }
            case "qwen3" -> {
                int hidden = k.integer("hidden_size");
                int heads = k.integer("num_attention_heads");
                yield new EncoderConfig(type, hidden, k.integer("num_hidden_layers"), heads, k.integer("head_dim", hidden / heads),
                        k.integer("intermediate_size"), k.integer("vocab_size"), k.integer("max_position_embeddings"), 0,
                        k.decimal("rms_norm_eps", 1e-6), k.integer("pad_token_id", 0), k.string("hidden_act", "silu"),
                        0f, (float) k.decimal("attention_dropout", 0.0), 0, 0, json);
            }
            default -> throw new IllegalArgumentException(source + ": model_type '" + type
                    + "' is not supported (expected bert, distilbert, mpnet, roberta, xlm-roberta, camembert, t5, modernbert or qwen3)");
        };
    }

    /** An integer key the record has no field for (an architecture's own setting), or {@code fallback}. */
    public int integer(String key, int fallback) {
        return new Keys(modelType, json).integer(key, fallback);
    }

    /** A number key the record has no field for, or {@code fallback}. */
    public double decimal(String key, double fallback) {
        return new Keys(modelType, json).decimal(key, fallback);
    }

    /** A boolean key the record has no field for, or {@code fallback}. */
    public boolean flag(String key, boolean fallback) {
        JsonNode v = json.get(key);
        return v == null || v.isNull() ? fallback : v.asBoolean(fallback);
    }

    /** Reads typed keys with one-line errors. */
    private record Keys(String source, ObjectNode json) {
        /** An integer from -1 to 2^24 (sizes and ids; no real model comes near the top, a larger one is a corrupt file). */
        int integer(String key) {
            JsonNode v = json.get(key);
            if (v == null || !v.canConvertToInt()) {
                throw new IllegalArgumentException(source + ": '" + key + "' must be an integer, found " + v);
            }
            int value = v.asInt();
            if (value < -1 || value > 1 << 24) {
                throw new IllegalArgumentException(source + ": '" + key + "' is " + value + ", outside -1.." + (1 << 24));
            }
            return value;
        }

        /** A positive integer that divides {@code whole} (the attention heads of a hidden size). */
        int divisor(String key, int whole, String wholeKey) {
            int value = integer(key);
            if (value < 1 || whole % value != 0) {
                throw new IllegalArgumentException(source + ": " + wholeKey + " " + whole + " is not divisible by " + key + " " + value);
            }
            return value;
        }

        int integer(String key, int fallback) {
            JsonNode v = json.get(key);
            return v == null || v.isNull() ? fallback : integer(key);
        }

        double decimal(String key, double fallback) {
            JsonNode v = json.get(key);
            if (v == null || v.isNull()) {
                return fallback;
            }
            if (!v.isNumber()) {
                throw new IllegalArgumentException(source + ": '" + key + "' must be a number, found " + v);
            }
            return v.asDouble();
        }

        String string(String key, String fallback) {
            JsonNode v = json.get(key);
            return v == null || v.isNull() ? fallback : v.asText();
        }
    }
}
