package dev.st4j.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.st4j.safetensors.SafetensorsReader;
import dev.st4j.tensor.RawTensor;
import dev.st4j.testing.Fixtures;
import dev.st4j.testing.Tensors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every weight layout of a folder reads to what Python reads; safetensors wins over .bin, as in Python. */
class WeightFilesTest {
    @TempDir
    Path tmp;

    @Test
    void shardedSafetensorsAndShardedBinAndMixedDtypesReadAsPythonDoes() throws IOException {
        Path weights = Fixtures.path("weights");
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> expected = SafetensorsReader.read(weights.resolve("expected.safetensors"), m);
            for (String folder : List.of("sharded-safetensors", "sharded-bin")) {
                Map<String, RawTensor> raw = WeightFiles.read(weights.resolve(folder));
                assertEquals(8, raw.size(), folder + ": both shards read");
                Tensors.assertSameAs(expected, raw, m, folder);
            }
            Map<String, NDArray> mixed = SafetensorsReader.read(weights.resolve("mixed-dtypes.safetensors"), m);
            assertEquals(DataType.FLOAT32, mixed.get("c.bf16").getDataType(), "BF16 is widened in Java, never handed to DJL");
            assertArrayEquals(expected.get("c.bf16").toFloatArray(), mixed.get("c.bf16").toFloatArray(), 0f);
            assertArrayEquals(expected.get("h.special").toFloatArray(), mixed.get("h.special").toFloatArray(), 0f);
            assertArrayEquals(expected.get("e.double").toFloatArray(), mixed.get("e.double").toFloatArray(), 0f);
        }
    }

    @Test
    void safetensorsIsPreferredOverBinAsPythonDoes() throws IOException {
        Path weights = Fixtures.path("weights");
        Files.copy(weights.resolve("zip.bin"), tmp.resolve("pytorch_model.bin"));
        assertEquals(tmp.resolve("pytorch_model.bin"), WeightFiles.find(tmp).orElseThrow());
        assertEquals(9, WeightFiles.read(tmp).size());
        Files.copy(weights.resolve("mixed-dtypes.safetensors"), tmp.resolve("model.safetensors"));
        assertEquals(tmp.resolve("model.safetensors"), WeightFiles.find(tmp).orElseThrow());
        assertEquals(8, WeightFiles.read(tmp).size(), "the safetensors file (without the view) is the one read");
    }

    @Test
    void aBadIndexIsOneLineNamingTheProblem() throws IOException {
        IOException none = assertThrows(IOException.class, () -> WeightFiles.read(tmp));
        assertTrue(none.getMessage().contains("no weights (expected one of model.safetensors"), none.getMessage());
        Path index = tmp.resolve("model.safetensors.index.json");
        Files.writeString(index, "{\"weight_map\": {\"a\": \"../../etc/passwd\"}}");
        assertOneLine("shard \"../../etc/passwd\" is not a file name in the same folder");
        Files.writeString(index, "{\"weight_map\": {\"a\": \"model-00001-of-00002.safetensors\"}}");
        assertOneLine("shard 'model-00001-of-00002.safetensors' is missing");
        Files.copy(Fixtures.path("weights/sharded-safetensors/model-00001-of-00002.safetensors"),
                tmp.resolve("model-00001-of-00002.safetensors"));
        Files.writeString(index, "{\"weight_map\": {\"zz\": \"model-00001-of-00002.safetensors\"}}");
        assertOneLine("tensor 'zz' is not in its shard");
        Files.writeString(index, "{\"weight_map\": ");
        assertOneLine("not valid JSON");
        Files.writeString(index, "{\"metadata\": {}}");
        assertOneLine("no 'weight_map' object");
    }

    private void assertOneLine(String expected) {
        IOException e = assertThrows(IOException.class, () -> WeightFiles.read(tmp));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }
}
