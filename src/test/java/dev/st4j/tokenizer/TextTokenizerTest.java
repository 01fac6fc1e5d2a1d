package dev.st4j.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.st4j.testing.Reference;
import dev.st4j.testing.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The vocab.txt-only fixtures tokenize exactly as the reference BertTokenizer did. */
class TextTokenizerTest {

    @ParameterizedTest
    @ValueSource(strings = {"bert", "distilbert"})
    void reproducesReferenceIdsAndTokens(String arch) throws Exception {
        Reference ref = Reference.of(arch);
        List<String> texts = new ArrayList<>();
        ref.json().get("texts").forEach(t -> texts.add(t.asText()));
        try (TextTokenizer tok = TextTokenizer.load(Shared.tinyModel(arch), 64, 0)) {
            TokenBatch batch = tok.tokenize(texts);
            assertArrayEquals(ref.longs("input_ids"), batch.inputIds());
            assertArrayEquals(ref.longs("attention_mask"), batch.attentionMask());
            JsonNode tokens = ref.json().get("tokens");
            for (int i = 0; i < texts.size(); i++) {
                List<String> expected = new ArrayList<>();
                tokens.get(i).forEach(t -> {
                    if (!t.asText().equals("[PAD]")) {
                        expected.add(t.asText());
                    }
                });
                assertEquals(expected, tok.tokens(texts.get(i)), "text " + i);
            }
            assertTrue(tok.tokens(texts.get(2)).contains("[UNK]"), "the em dash becomes [UNK]");
        }
    }

    @Test
    void truncatesToMaxLengthIncludingSpecialTokens() throws Exception {
        try (TextTokenizer tok = TextTokenizer.load(Shared.tinyModel("bert"), 5, 0)) {
            TokenBatch batch = tok.tokenize(List.of("the man was in the city and the cat sat", "the"));
            assertEquals(5, batch.length());
            assertEquals(2L, batch.inputIds()[0][0], "[CLS] first");
            assertEquals(3L, batch.inputIds()[0][4], "[SEP] kept last");
            assertArrayEquals(new long[] {1, 1, 1, 0, 0}, batch.attentionMask()[1]);
            assertArrayEquals(new long[] {0, 0, 0, 0, 0}, batch.tokenTypeIds()[0]);
        }
    }

    @Test
    void tokenizerJsonFromVocabMatchesSavedTokenizerJson(@TempDir Path dir) throws Exception {
        Path src = Shared.tinyModel("bert");
        Files.copy(src.resolve("vocab.txt"), dir.resolve("vocab.txt"));
        Files.copy(src.resolve("tokenizer_config.json"), dir.resolve("tokenizer_config.json"));
        Files.writeString(dir.resolve("tokenizer.json"), WordPieceTokenizerJson.build(src));
        List<String> texts = List.of("Hello, World! Ünïcödé 東京 text", "a  b\tc");
        try (TextTokenizer fromVocab = TextTokenizer.load(src, 64, 0);
                TextTokenizer fromJson = TextTokenizer.load(dir, 64, 0)) {
            assertArrayEquals(fromVocab.tokenize(texts).inputIds(), fromJson.tokenize(texts).inputIds());
        }
    }

    @Test
    void folderWithoutTokenizerIsAnErrorThatSaysWhatIsMissing(@TempDir Path dir) throws Exception {
        Exception e = assertThrows(java.io.IOException.class, () -> TextTokenizer.load(dir, 8, 0));
        assertTrue(e.getMessage().endsWith("no tokenizer.json (or BERT vocab.txt)"), e.getMessage());
        java.nio.file.Files.write(dir.resolve("sentencepiece.bpe.model"), new byte[] {1, 2, 3});
        Exception sp = assertThrows(java.io.IOException.class, () -> TextTokenizer.load(dir, 8, 0));
        assertTrue(sp.getMessage().contains("has sentencepiece.bpe.model but no tokenizer.json"), sp.getMessage());
        assertEquals(1, sp.getMessage().lines().count());
    }
}
