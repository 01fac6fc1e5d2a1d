package dev.st4j.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.st4j.io.AtomicFiles;
import dev.st4j.io.JsonFiles;
import dev.st4j.resolve.ModelResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a Parquet folder of embeddings says about how it was encoded ({@value #FILE}, a name Spark's readers skip):
 * the model, so that an index built from it encodes queries with the same one; the dimension; normalisation and
 * prompt.
 *
 * @param model the model folder (absolute) or Hub id
 * @param dimension the embeddings' width
 * @param normalized whether each embedding was L2-normalised
 * @param promptName the prompt name asked for, or null
 * @param prompt the literal prompt asked for, or null
 */
public record EmbeddingsManifest(String model, int dimension, boolean normalized, String promptName, String prompt) {
    /** The manifest's file name inside an embeddings folder. */
    public static final String FILE = "_st4j-embeddings.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The manifest of the embeddings {@code settings} describe, of width {@code dimension}. */
    public static EmbeddingsManifest of(EncodeSettings settings, int dimension) {
        return new EmbeddingsManifest(ModelResolver.reference(settings.model()), dimension, settings.normalize(), settings.promptName(), settings.prompt());
    }

    /** The manifest in {@code folder}, if it has one (outputs of other tools have none). */
    public static Optional<EmbeddingsManifest> read(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode n = JsonFiles.read(file);
        for (String field : new String[] {"model", "dimension"}) {
            if (!n.hasNonNull(field)) {
                throw new IOException(file + ": field '" + field + "' is missing");
            }
        }
        return Optional.of(new EmbeddingsManifest(n.get("model").asText(), n.get("dimension").asInt(), n.path("normalized").asBoolean(),
                n.hasNonNull("promptName") ? n.get("promptName").asText() : null, n.hasNonNull("prompt") ? n.get("prompt").asText() : null));
    }

    /** Writes this manifest into {@code folder}. */
    public void write(Path folder) throws IOException {
        AtomicFiles.writeString(folder.resolve(FILE), JSON.writeValueAsString(this) + "\n");
    }
}
