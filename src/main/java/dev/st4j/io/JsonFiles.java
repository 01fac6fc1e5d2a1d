package dev.st4j.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the small JSON files of model folders (configs, module lists) with one-line errors that name the file. */
public final class JsonFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonFiles() {}

    /**
     * The parsed file (null for an empty one).
     *
     * @throws IOException "FILE: not valid JSON (what)" or "FILE: missing"
     */
    public static JsonNode read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException(file + ": missing");
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + ": not valid JSON (" + ErrorText.of(e) + ")", e);
        }
    }
}
