package dev.st4j.magics;

import java.nio.file.Path;

/** The shared fixtures and data beside the project (system property {@code st4j.shared}, set by the build). */
final class SharedFiles {
    private SharedFiles() {}

    static Path root() {
        return Path.of(System.getProperty("st4j.shared", "../../shared")).toAbsolutePath().normalize();
    }

    static Path tinyModel(String arch) {
        return root().resolve("fixtures/tiny-models").resolve(arch);
    }

    static Path data(String relative) {
        return root().resolve("data").resolve(relative);
    }
}
