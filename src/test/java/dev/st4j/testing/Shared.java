package dev.st4j.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the read-only {@code ../shared} folder (fixtures, data) that sits beside the project. */
public final class Shared {
    private Shared() {}

    /** The shared folder. */
    public static Path root() {
        String prop = System.getProperty("st4j.shared");
        Path p = prop != null ? Path.of(prop) : Path.of("..", "shared");
        if (!Files.isDirectory(p)) {
            p = Path.of("..", "..", "shared");
        }
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("the shared folder is not at " + p.toAbsolutePath().normalize());
        }
        return p.toAbsolutePath().normalize();
    }

    /** A tiny fixture model folder, e.g. {@code bert}. */
    public static Path tinyModel(String arch) {
        return root().resolve("fixtures/tiny-models").resolve(arch);
    }

    /** A data file or folder, e.g. {@code stsb/validation.csv}. */
    public static Path data(String relative) {
        return root().resolve("data").resolve(relative);
    }
}
