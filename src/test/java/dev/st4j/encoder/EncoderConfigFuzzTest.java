package dev.st4j.encoder;

import ai.djl.ndarray.NDManager;
import dev.st4j.testing.Fuzzing;
import dev.st4j.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Mutated {@code config.json} files beside the tiny models' real weights: the encoder is built and runs a forward pass
 * on a few token ids, or the config is refused in one line; libtorch never sees a shape or index it cannot take.
 */
class EncoderConfigFuzzTest {
    private static final List<String> ARCHITECTURES = List.of("bert", "distilbert", "mpnet", "t5");
    private static Path work;

    @BeforeContainer
    static void copyTheTinyModels() throws IOException {
        work = Files.createTempDirectory("fuzz-config");
        for (String arch : ARCHITECTURES) {
            Path to = Files.createDirectories(work.resolve(arch));
            Files.copy(Shared.tinyModel(arch).resolve("model.safetensors"), to.resolve("model.safetensors"));
        }
    }

    @AfterContainer
    static void removeThem() throws IOException {
        dev.st4j.io.AtomicFiles.deleteTree(work);
    }

    @Property
    @Tag("fuzz")
    void mutatedConfigsBuildAWorkingEncoderOrAreRefusedInOneLine(@ForAll("configs") Mutated config) throws IOException {
        Path dir = work.resolve(config.arch());
        Files.write(dir.resolve("config.json"), config.bytes());
        Fuzzing.mustReadOrRefuseInOneLine(() -> {
            try (NDManager m = NDManager.newBaseManager()) {
                Encoder encoder = Encoders.load(dir, m);
                long[][] ids = {{1, 5, 7, 2}, {1, 9, 2, 0}};
                long[][] mask = {{1, 1, 1, 1}, {1, 1, 1, 0}};
                return encoder.forward(new EncoderInput(m.create(ids), m.create(mask), m.zeros(new ai.djl.ndarray.types.Shape(2, 4),
                        ai.djl.ndarray.types.DataType.INT64)), false).getShape();
            }
        });
    }

    /** A mutated config and the architecture whose weights it goes with. */
    record Mutated(String arch, byte[] bytes) {
        @Override
        public String toString() {
            return arch + ": " + new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Provide
    Arbitrary<Mutated> configs() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        for (String arch : ARCHITECTURES) {
            seeds.add(Files.readAllBytes(Shared.tinyModel(arch).resolve("config.json")));
        }
        return net.jqwik.api.Arbitraries.integers().between(0, ARCHITECTURES.size() - 1)
                .flatMap(i -> Fuzzing.mutationsOf(List.of(seeds.get(i))).map(b -> new Mutated(ARCHITECTURES.get(i), b)));
    }
}
