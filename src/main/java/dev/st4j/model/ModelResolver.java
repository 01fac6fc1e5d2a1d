package dev.st4j.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Turns what a user names as a model (a folder or a Hub id) into a loaded {@link SentenceTransformer}. */
public final class ModelResolver {
    private ModelResolver() {}

    /** Loads the model named by {@code pathOrId}. */
    public static SentenceTransformer load(String pathOrId) throws IOException {
        Path p = Path.of(pathOrId);
        if (Files.isDirectory(p)) {
            return SentenceTransformer.load(p);
        }
        throw new IOException("model '" + pathOrId + "': no such folder");
    }
}
