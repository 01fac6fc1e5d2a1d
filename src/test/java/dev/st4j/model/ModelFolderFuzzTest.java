package dev.st4j.model;

import dev.st4j.testing.Fuzzing;
import dev.st4j.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * A saved sentence-transformers folder with a mutated {@code modules.json}, pooling config or
 * {@code sentence_bert_config.json}: it loads and encodes, or is refused in one line.
 */
class ModelFolderFuzzTest {
    private static final List<String> FILES = List.of("modules.json", "1_Pooling/config.json", "sentence_bert_config.json");
    private static Path saved;
    private static Path work;

    @BeforeContainer
    static void saveTheTinyModel() throws IOException {
        work = Files.createTempDirectory("fuzz-model");
        saved = work.resolve("saved");
        try (SentenceTransformer m = SentenceTransformer.load(Shared.tinyModel("bert"))) {
            m.save(saved);
        }
    }

    @AfterContainer
    static void removeIt() throws IOException {
        dev.st4j.io.AtomicFiles.deleteTree(work);
    }

    @Property
    @Tag("fuzz")
    void mutatedModuleFilesLoadOrAreRefusedInOneLine(@ForAll("files") Mutated m) throws IOException {
        Path file = saved.resolve(FILES.get(m.file()));
        byte[] original = Files.readAllBytes(file);
        Files.write(file, m.bytes());
        try {
            Fuzzing.mustReadOrRefuseInOneLine(() -> {
                try (SentenceTransformer model = SentenceTransformer.load(saved)) {
                    return model.encode(List.of("a cat", "a dog on a mat")).length;
                }
            });
        } finally {
            Files.write(file, original);
        }
    }

    /** Which of {@link #FILES} is mutated, and its bytes. */
    record Mutated(int file, byte[] bytes) {
        @Override
        public String toString() {
            return FILES.get(file) + ": " + new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Provide
    Arbitrary<Mutated> files() {
        return Arbitraries.integers().between(0, FILES.size() - 1).flatMap(i -> {
            try {
                return Fuzzing.mutationsOf(List.of(Files.readAllBytes(saved.resolve(FILES.get(i))))).map(b -> new Mutated(i, b));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
