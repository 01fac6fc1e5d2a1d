package dev.st4j.params;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.st4j.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Reads and writes {@link SentenceTransformersParams} as JSON or YAML with AutoTrain's snake_case keys. */
public final class ParamsIo {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ParamsIo() {}

    /** Reads a {@code .json}, {@code .yml} or {@code .yaml} file; unknown keys and wrong types are one-line errors. */
    public static SentenceTransformersParams read(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ObjectMapper mapper = name.endsWith(".yml") || name.endsWith(".yaml") ? YAML : JSON;
        if (!Files.isRegularFile(file)) {
            throw new IOException("--config " + file + ": no such file");
        }
        return parse(mapper, Files.readString(file), file.toString());
    }

    /** Parses JSON or YAML text (YAML is a superset of JSON); {@code source} names it in messages. */
    public static SentenceTransformersParams parse(String text, String source) throws IOException {
        return parse(YAML, text, source);
    }

    private static SentenceTransformersParams parse(ObjectMapper mapper, String text, String source) throws IOException {
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IOException(source + ": not valid JSON or YAML (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new IOException(source + ": empty parameter set");
        }
        if (!root.isObject()) {
            throw new IOException(source + ": expected a mapping of parameter names to values, got " + root.getNodeType().toString().toLowerCase(Locale.ROOT));
        }
        SentenceTransformersParams.Builder b = SentenceTransformersParams.builder();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            Param<?> param = Params.byName(field.getKey())
                    .orElseThrow(() -> new IOException(source + ": unknown parameter '" + field.getKey() + "'"));
            try {
                set(b, param, field.getValue());
            } catch (IllegalArgumentException e) {
                throw new IOException(source + ": parameter '" + param.name() + "' has value '" + field.getValue().asText()
                        + "': " + e.getMessage().substring(param.name().length() + 2));
            }
        }
        return b.build();
    }

    private static <T> void set(SentenceTransformersParams.Builder b, Param<T> param, JsonNode node) {
        b.set(param, param.fromJson(node));
    }

    /** The parameters as JSON. */
    public static String toJson(SentenceTransformersParams p) {
        return write(JSON, p);
    }

    /** The parameters as YAML. */
    public static String toYaml(SentenceTransformersParams p) {
        return write(YAML, p);
    }

    /** The parameters as a map of snake_case names to JSON scalars, in {@link Params#ALL}'s order. */
    public static Map<String, Object> toMap(SentenceTransformersParams p) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Param<?> param : Params.ALL) {
            out.put(param.name(), scalar(param, p));
        }
        return out;
    }

    private static <T> Object scalar(Param<T> param, SentenceTransformersParams p) {
        return param.toJson(p.get(param));
    }

    private static String write(ObjectMapper mapper, SentenceTransformersParams p) {
        try {
            return mapper.writeValueAsString(toMap(p));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code training_params.json}-style JSON without the token, atomically. */
    public static void writeJson(Path file, SentenceTransformersParams p) throws IOException {
        AtomicFiles.writeString(file, toJson(p.withoutToken()) + "\n");
    }
}
