package dev.st4j.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the project's own generated fixtures ({@code src/test/fixtures}, with the scripts that made them). */
public final class Fixtures {
    private Fixtures() {}

    /** A file or folder under {@code src/test/fixtures}. */
    public static Path path(String relative) {
        Path p = Path.of("test", "fixtures");
        if (!Files.isDirectory(p)) {
            p = Path.of("src", "test", "fixtures");
        }
        return p.resolve(relative).toAbsolutePath().normalize();
    }
}
