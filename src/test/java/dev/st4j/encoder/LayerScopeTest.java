package dev.st4j.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.st4j.testing.Shared;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A layer's intermediates (attention scores above all) are freed when the layer returns, padded
 * batches and dropout included: the batch's manager keeps only batch-level arrays (for MPNet and T5,
 * the relative-position bias every layer shares).
 */
class LayerScopeTest {
    @ParameterizedTest
    @ValueSource(strings = {"bert", "mpnet", "t5"})
    void batchManagerHoldsNoAttentionScores(String arch) throws Exception {
        try (NDManager model = NDManager.newBaseManager(); NDManager batch = model.newSubManager()) {
            Encoder encoder = Encoders.load(Shared.tinyModel(arch), model);
            long[][] ids = {{5, 6, 7, 8, 9, 10}, {5, 6, 7, 0, 0, 0}};
            long[][] mask = {{1, 1, 1, 1, 1, 1}, {1, 1, 1, 0, 0, 0}};
            for (boolean training : new boolean[] {false, true}) {
                encoder.forward(new EncoderInput(batch.create(ids), batch.create(mask), null), training);
            }
            Shape scores = new Shape(2, encoder.config().numHeads(), 6, 6);
            List<NDArray> kept = batch.getManagedArrays().stream().filter(a -> a.getShape().equals(scores)).toList();
            int positionBiases = arch.equals("bert") ? 0 : 2;
            assertEquals(positionBiases, kept.size(),
                    arch + ": attention-sized arrays left in the batch manager beyond one position bias per forward pass");
        }
    }
}
