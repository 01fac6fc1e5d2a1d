package dev.st4j.params;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.st4j.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Reads and writes {@link SentenceTransformersParams} as JSON or YAML with AutoTrain's snake_case keys. */
public final class ParamsIo {
    private static final ObjectMapper JSON = configure(new ObjectMapper());
    private static final ObjectMapper YAML = configure(new ObjectMapper(new YAMLFactory()));

    private ParamsIo() {}

    private static ObjectMapper configure(ObjectMapper m) {
        return m.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

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
        try {
            SentenceTransformersParams p = mapper.readValue(text, SentenceTransformersParams.class);
            if (p == null) {
                throw new IOException(source + ": empty parameter set");
            }
            return p;
        } catch (UnrecognizedPropertyException e) {
            throw new IOException(source + ": unknown parameter '" + e.getPropertyName() + "'");
        } catch (InvalidFormatException e) {
            throw new IOException(source + ": parameter '" + path(e) + "' has value '" + e.getValue() + "', expected "
                    + e.getTargetType().getSimpleName().toLowerCase(Locale.ROOT));
        } catch (MismatchedInputException e) {
            throw new IOException(source + ": parameter '" + path(e) + "' has the wrong type (expected "
                    + (e.getTargetType() == null ? "another type" : e.getTargetType().getSimpleName().toLowerCase(Locale.ROOT)) + ")");
        } catch (JsonProcessingException e) {
            throw new IOException(source + ": not valid JSON or YAML (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
        }
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().isEmpty() ? "?" : e.getPath().get(e.getPath().size() - 1).getFieldName();
    }

    /** The parameters as JSON. */
    public static String toJson(SentenceTransformersParams p) {
        try {
            return JSON.writeValueAsString(p);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The parameters as YAML. */
    public static String toYaml(SentenceTransformersParams p) {
        try {
            return YAML.writeValueAsString(p);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code training_params.json}-style JSON without the token, atomically. */
    public static void writeJson(Path file, SentenceTransformersParams p) throws IOException {
        AtomicFiles.writeString(file, toJson(p.withoutToken()) + "\n");
    }
}
