package dev.st4j.tokenizer;

import dev.st4j.testing.Fuzzing;
import dev.st4j.testing.Shared;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Mutated {@code tokenizer.json} files go to the Rust tokenizer through DJL and tokenize a few texts, or are refused in
 * one line; a panic in the native library must not take the JVM down.
 */
class TokenizerJsonFuzzTest {
    private static Path dir;

    @BeforeContainer
    static void makeTheFolder() throws IOException {
        dir = Files.createTempDirectory("fuzz-tokenizer");
    }

    @AfterContainer
    static void removeIt() throws IOException {
        dev.st4j.io.AtomicFiles.deleteTree(dir);
    }

    @Property
    @Tag("fuzz")
    void mutatedTokenizersTokenizeOrAreRefusedInOneLine(@ForAll("tokenizers") byte[] json) throws IOException {
        Files.write(dir.resolve("tokenizer.json"), json);
        Fuzzing.mustReadOrRefuseInOneLine(() -> TextTokenizer.load(dir, 32, 0)
                .tokenize(List.of("The cat sat on the mat.", "", "naïve café — 東京 🙂")).inputIds().length);
    }

    @Provide
    Arbitrary<byte[]> tokenizers() throws IOException {
        return Fuzzing.mutationsOf(List.of(WordPieceTokenizerJson.build(Shared.tinyModel("bert")).getBytes(StandardCharsets.UTF_8)));
    }
}
