package dev.st4j.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.st4j.io.AtomicFiles;
import dev.st4j.io.JsonFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What an index folder says about itself besides Lucene's files ({@value #FILE}): the model that encoded the
 * documents (so that queries are encoded by the same one), how its vectors compare, their dimension and count.
 */
public record IndexManifest(String model, String similarity, int dimension, long documents, boolean storesTexts) {
    /** The manifest's file name inside an index folder. */
    public static final String FILE = "st4j-index.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Whether {@code dir} holds an st4j index (its manifest). */
    public static boolean isIndex(Path dir) {
        return Files.isRegularFile(dir.resolve(FILE));
    }

    /** The manifest of the index in {@code dir}; a folder without one is not an index. */
    public static IndexManifest read(Path dir) throws IOException {
        if (!isIndex(dir)) {
            throw new IOException(dir + " is not an st4j index (no " + FILE + "; build one with `st4j index build`)");
        }
        JsonNode n = JsonFiles.read(dir.resolve(FILE));
        for (String field : new String[] {"model", "similarity", "dimension", "documents"}) {
            if (!n.hasNonNull(field)) {
                throw new IOException(dir.resolve(FILE) + ": field '" + field + "' is missing");
            }
        }
        return new IndexManifest(n.get("model").asText(), n.get("similarity").asText(), n.get("dimension").asInt(),
                n.get("documents").asLong(), n.path("storesTexts").asBoolean(true));
    }

    /** Writes this manifest into {@code dir}. */
    public void write(Path dir) throws IOException {
        AtomicFiles.writeString(dir.resolve(FILE), JSON.writeValueAsString(this) + "\n");
    }
}
