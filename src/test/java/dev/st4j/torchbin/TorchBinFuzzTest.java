package dev.st4j.torchbin;

import ai.djl.ndarray.NDManager;
import dev.st4j.tensor.RawTensor;
import dev.st4j.testing.Fixtures;
import dev.st4j.testing.Fuzzing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;

/**
 * Mutated {@code pytorch_model.bin} files (zip and legacy formats, and a malicious one) go through the restricted
 * unpickler into DJL arrays or are refused in one line.
 */
class TorchBinFuzzTest {
    @Property
    @Tag("fuzz")
    void mutatedFilesAreReadOrRefusedInOneLine(@ForAll("files") byte[] bytes) throws IOException {
        Path file = Files.createTempFile("fuzz", ".bin");
        try {
            Files.write(file, bytes);
            Fuzzing.mustReadOrRefuseInOneLine(() -> {
                try (NDManager m = NDManager.newBaseManager()) {
                    for (RawTensor t : TorchBinReader.read(file).values()) {
                        t.toNDArray(m);
                    }
                    return null;
                }
            });
        } finally {
            Files.delete(file);
        }
    }

    @Provide
    Arbitrary<byte[]> files() throws IOException {
        return Fuzzing.mutationsOf(List.of(Files.readAllBytes(Fixtures.path("weights/zip.bin")),
                Files.readAllBytes(Fixtures.path("weights/legacy.bin")), Files.readAllBytes(Fixtures.path("weights/malicious.bin"))));
    }
}
