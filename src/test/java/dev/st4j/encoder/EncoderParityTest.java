package dev.st4j.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.st4j.modules.Features;
import dev.st4j.modules.Pooling;
import dev.st4j.modules.PoolingMode;
import dev.st4j.testing.Reference;
import dev.st4j.testing.Shared;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every architecture reproduces the reference implementation's hidden states of real tokens and its
 * mean pooling on the tiny fixtures; padded positions, whose reference values are by-products no
 * pooling reads, are zeros here.
 */
class EncoderParityTest {
    private static final float TOLERANCE = 1e-4f;

    @ParameterizedTest
    @ValueSource(strings = {"bert", "distilbert", "mpnet", "roberta", "xlm-roberta", "t5"})
    void reproducesReferenceOutputs(String arch) throws Exception {
        Reference ref = Reference.of(arch);
        try (NDManager manager = NDManager.newBaseManager()) {
            Encoder encoder = Encoders.load(Shared.tinyModel(arch), manager);
            long[][] ids = ref.longs("input_ids");
            long[][] mask = ref.longs("attention_mask");
            NDArray types = ref.json().hasNonNull("token_type_ids") ? manager.create(ref.longs("token_type_ids")) : null;
            EncoderInput input = new EncoderInput(manager.create(ids), manager.create(mask), types);
            NDArray hidden = encoder.forward(input, false);

            float[][][] expected = ref.hiddenStates();
            float[] actual = hidden.toFloatArray();
            int width = encoder.config().hiddenSize();
            assertEquals(expected.length * expected[0].length * width, actual.length, "output size");
            for (int b = 0; b < expected.length; b++) {
                for (int t = 0; t < expected[b].length; t++) {
                    int offset = (b * expected[b].length + t) * width;
                    float[] row = java.util.Arrays.copyOfRange(actual, offset, offset + width);
                    float[] want = mask[b][t] != 0 ? expected[b][t] : new float[width];
                    assertArrayEquals(want, row, TOLERANCE, arch + " sequence " + b + " token " + t);
                }
            }

            Features pooled = Pooling.of(width, PoolingMode.MEAN)
                    .forward(new Features(hidden, input.attentionMask(), null), false);
            float[][] expectedPooled = ref.meanPooled();
            float[] pooledValues = pooled.sentenceEmbedding().toFloatArray();
            for (int b = 0; b < expectedPooled.length; b++) {
                assertArrayEquals(expectedPooled[b], java.util.Arrays.copyOfRange(pooledValues, b * width, (b + 1) * width),
                        TOLERANCE, arch + " mean_pooled " + b);
            }
        }
    }

    /**
     * ModernBERT (local and global layers, rotary positions, GeGLU) and Qwen3 (causal, grouped-query,
     * left-padded) against the hidden states transformers computes (src/test/fixtures/generate_encoders.py);
     * only real tokens are compared: these encoders run in the padded layout, where padded positions
     * hold by-products no pooling reads.
     */
    @ParameterizedTest
    @ValueSource(strings = {"modernbert", "qwen3"})
    void reproducesTransformersOnTheNewArchitectures(String arch) throws Exception {
        com.fasterxml.jackson.databind.JsonNode ref = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(dev.st4j.testing.Fixtures.path("encoders").resolve(arch).resolve("reference.json").toFile());
        try (NDManager manager = NDManager.newBaseManager()) {
            Encoder encoder = Encoders.load(dev.st4j.testing.Fixtures.path("encoders").resolve(arch), manager);
            long[][] ids = new com.fasterxml.jackson.databind.ObjectMapper().convertValue(ref.get("input_ids"), long[][].class);
            long[][] mask = new com.fasterxml.jackson.databind.ObjectMapper().convertValue(ref.get("attention_mask"), long[][].class);
            NDArray hidden = encoder.forward(new EncoderInput(manager.create(ids), manager.create(mask), null), false);
            int width = encoder.config().hiddenSize();
            float[] actual = hidden.toFloatArray();
            int compared = 0;
            for (int b = 0; b < ids.length; b++) {
                for (int t = 0; t < ids[b].length; t++) {
                    if (mask[b][t] == 0) {
                        continue;
                    }
                    int offset = (b * ids[b].length + t) * width;
                    float[] want = new com.fasterxml.jackson.databind.ObjectMapper().convertValue(ref.get("last_hidden_state").get(b).get(t), float[].class);
                    assertArrayEquals(want, java.util.Arrays.copyOfRange(actual, offset, offset + width), TOLERANCE, arch + " sequence " + b + " token " + t);
                    compared++;
                }
            }
            assertEquals(java.util.Arrays.stream(mask).flatMapToLong(java.util.Arrays::stream).sum(), compared);
        }
    }
}
