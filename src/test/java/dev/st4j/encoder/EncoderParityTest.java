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
}
