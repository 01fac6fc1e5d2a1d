package dev.st4j.safetensors;

import ai.djl.ndarray.NDManager;
import dev.st4j.testing.Fixtures;
import dev.st4j.testing.Fuzzing;
import dev.st4j.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;

/** Mutated {@code .safetensors} files are read into DJL arrays or refused in one line; never a crash, a hang or another exception. */
class SafetensorsFuzzTest {
    @Property
    @Tag("fuzz")
    void mutatedFilesAreReadOrRefusedInOneLine(@ForAll("files") byte[] bytes) throws IOException {
        Path file = Files.createTempFile("fuzz", ".safetensors");
        try {
            Files.write(file, bytes);
            Fuzzing.mustReadOrRefuseInOneLine(() -> {
                try (NDManager m = NDManager.newBaseManager()) {
                    return SafetensorsReader.read(file, m).size();
                }
            });
        } finally {
            Files.delete(file);
        }
    }

    @Provide
    Arbitrary<byte[]> files() throws IOException {
        return Fuzzing.mutationsOf(List.of(Files.readAllBytes(Fixtures.path("weights/expected.safetensors")),
                Files.readAllBytes(Fixtures.path("weights/mixed-dtypes.safetensors")),
                Files.readAllBytes(Shared.tinyModel("distilbert").resolve("model.safetensors"))));
    }
}
