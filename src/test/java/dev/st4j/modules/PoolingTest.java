package dev.st4j.modules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

/** Each pooling mode on a hand-made batch: 2 sequences, 3 positions, 2 values, the second sequence padded after 2 tokens. */
class PoolingTest {
    private static final float[][][] H = {
        {{1, 2}, {3, 4}, {5, 6}},
        {{-1, 0}, {2, -2}, {100, 100}},
    };
    private static final long[][] MASK = {{1, 1, 1}, {1, 1, 0}};

    private static float[] pool(PoolingMode... modes) {
        return pool(true, 0, modes);
    }

    private static float[] pool(boolean includePrompt, int promptLength, PoolingMode... modes) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray h = m.create(new float[] {1, 2, 3, 4, 5, 6, -1, 0, 2, -2, 100, 100}).reshape(2, 3, 2);
            Pooling p = new Pooling(2, List.of(modes), includePrompt);
            return p.forward(new Features(h, m.create(MASK), promptLength, null), false).sentenceEmbedding().toFloatArray();
        }
    }

    @Test
    void cls() {
        assertArrayEquals(new float[] {1, 2, -1, 0}, pool(PoolingMode.CLS));
    }

    @Test
    void meanIgnoresPadding() {
        assertArrayEquals(new float[] {3, 4, 0.5f, -1}, pool(PoolingMode.MEAN), 1e-6f);
    }

    @Test
    void maxIgnoresPadding() {
        assertArrayEquals(new float[] {5, 6, 2, 0}, pool(PoolingMode.MAX));
    }

    @Test
    void meanSqrtLen() {
        assertArrayEquals(new float[] {(float) (9 / Math.sqrt(3)), (float) (12 / Math.sqrt(3)),
            (float) (1 / Math.sqrt(2)), (float) (-2 / Math.sqrt(2))}, pool(PoolingMode.MEAN_SQRT_LEN), 1e-5f);
    }

    @Test
    void weightedMeanWeighsByPosition() {
        float[] expected = {(1 * 1 + 2 * 3 + 3 * 5) / 6f, (1 * 2 + 2 * 4 + 3 * 6) / 6f, (1 * -1 + 2 * 2) / 3f, (0 + 2 * -2) / 3f};
        assertArrayEquals(expected, pool(PoolingMode.WEIGHTED_MEAN), 1e-5f);
    }

    @Test
    void lastTokenIsTheLastUnpaddedOne() {
        assertArrayEquals(new float[] {5, 6, 2, -2}, pool(PoolingMode.LAST_TOKEN));
    }

    @Test
    void severalModesConcatenateInTheOrderGiven() {
        float[] v = pool(PoolingMode.MEAN, PoolingMode.CLS);
        assertArrayEquals(new float[] {3, 4, 1, 2, 0.5f, -1, -1, 0}, v, 1e-6f);
        assertEquals(4, new Pooling(2, List.of(PoolingMode.MEAN, PoolingMode.CLS), true).outputDimension());
    }

    @Test
    void withoutThePromptItsTokensAreLeftOutAndClsIsTheFirstTokenAfterIt() {
        assertArrayEquals(new float[] {4, 5, 2, -2}, pool(false, 1, PoolingMode.MEAN), 1e-6f);
        assertArrayEquals(new float[] {3, 4, 2, -2}, pool(false, 1, PoolingMode.CLS));
        assertArrayEquals(new float[] {5, 6, 2, -2}, pool(false, 1, PoolingMode.LAST_TOKEN));
        assertArrayEquals(new float[] {3, 4, 0.5f, -1}, pool(true, 1, PoolingMode.MEAN), 1e-6f, "include_prompt keeps them");
    }

    @Test
    void readsBothConfigLayoutsAndWritesOneEveryReleaseReads(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("config.json"), "{\"word_embedding_dimension\": 8, \"pooling_mode_cls_token\": true, "
                + "\"pooling_mode_mean_tokens\": true, \"include_prompt\": false}");
        Pooling old = Pooling.load(dir);
        assertEquals(List.of(PoolingMode.CLS, PoolingMode.MEAN), old.modes());
        assertEquals(16, old.outputDimension());
        assertEquals(false, old.includePrompt());
        Files.writeString(dir.resolve("config.json"), "{\"embedding_dimension\": 8, \"pooling_mode\": \"lasttoken\", \"include_prompt\": true}");
        assertEquals(List.of(PoolingMode.LAST_TOKEN), Pooling.load(dir).modes());
        Files.writeString(dir.resolve("config.json"), "{\"embedding_dimension\": 8, \"pooling_mode\": [\"mean\", \"cls\"]}");
        Pooling listed = Pooling.load(dir);
        assertEquals(List.of(PoolingMode.MEAN, PoolingMode.CLS), listed.modes());
        listed.save(dir);
        assertEquals(List.of(PoolingMode.MEAN, PoolingMode.CLS), Pooling.load(dir).modes(), "an order booleans cannot hold is kept");
        assertTrue(Files.readString(dir.resolve("config.json")).contains("\"pooling_mode\""));
        old.save(dir);
        String saved = Files.readString(dir.resolve("config.json"));
        assertTrue(saved.contains("\"word_embedding_dimension\" : 8") && saved.contains("\"pooling_mode_cls_token\" : true"), saved);
        Files.writeString(dir.resolve("config.json"), "{\"word_embedding_dimension\": 8}");
        assertEquals(List.of(PoolingMode.MEAN), Pooling.load(dir).modes(), "no mode means mean, as in Python");
        Files.writeString(dir.resolve("config.json"), "{\"embedding_dimension\": 8, \"pooling_mode\": \"median\"}");
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> Pooling.load(dir));
        assertTrue(e.getMessage().contains("config.json: pooling mode 'median' is not one of"), e.getMessage());
    }

    @Test
    void parsesShortNames() {
        assertEquals(PoolingMode.WEIGHTED_MEAN, PoolingMode.parse("weightedmean"));
        assertThrows(IllegalArgumentException.class, () -> PoolingMode.parse("median"));
    }
}
