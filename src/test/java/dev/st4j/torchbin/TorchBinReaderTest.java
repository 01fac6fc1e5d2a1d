package dev.st4j.torchbin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.st4j.safetensors.SafetensorsReader;
import dev.st4j.tensor.RawTensor;
import dev.st4j.tensor.TensorDType;
import dev.st4j.testing.Fixtures;
import dev.st4j.testing.Tensors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pytorch_model.bin files written by real PyTorch (src/test/fixtures/generate_weight_files.py), in the
 * zip and the legacy format, give the tensors Python gives; a pickle that calls os.system is refused.
 */
class TorchBinReaderTest {
    @TempDir
    Path tmp;

    @Test
    void zipAndLegacyFormatsGiveWhatPythonReads() throws IOException {
        Path dir = Fixtures.path("weights");
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> expected = SafetensorsReader.read(dir.resolve("expected.safetensors"), m);
            for (String file : List.of("zip.bin", "legacy.bin")) {
                Map<String, RawTensor> raw = TorchBinReader.read(dir.resolve(file));
                assertEquals(List.of("a.weight", "b.half", "b.view", "c.bf16", "d.transposed", "e.double", "f.long", "g.scalar",
                        "h.special"), List.copyOf(raw.keySet()), file + ": names in the state dict's order");
                assertEquals(new java.util.TreeSet<>(expected.keySet()), new java.util.TreeSet<>(raw.keySet()));
                assertEquals(TensorDType.BF16, raw.get("c.bf16").dtype(), "bf16 is kept as stored until widened in Java");
                assertArrayEquals(new long[] {3, 2}, raw.get("d.transposed").shape());
                assertArrayEquals(new long[0], raw.get("g.scalar").shape());
                Tensors.assertSameAs(expected, raw, m, file);
            }
        }
    }

    @Test
    void aPickleThatCallsOsSystemIsRefusedAndRunsNothing() {
        Path dir = Fixtures.path("weights");
        IOException e = assertThrows(IOException.class, () -> TorchBinReader.read(dir.resolve("malicious.bin")));
        assertTrue(e.getMessage().contains("forbidden pickle global 'posix.system'") || e.getMessage().contains("'os.system'"),
                e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        assertFalse(Files.exists(Path.of("/tmp/st4j-pwned")));
    }

    @Test
    void damagedFilesAreOneLineErrors() throws IOException {
        byte[] zip = Files.readAllBytes(Fixtures.path("weights/zip.bin"));
        byte[] legacy = Files.readAllBytes(Fixtures.path("weights/legacy.bin"));
        assertOneLine(write("empty.bin", new byte[0]), "too short");
        assertOneLine(write("text.bin", "hello world".getBytes()), "not a PyTorch checkpoint");
        assertOneLine(write("half-zip.bin", java.util.Arrays.copyOf(zip, zip.length / 2)), "");
        assertOneLine(write("half-legacy.bin", java.util.Arrays.copyOf(legacy, legacy.length - 40)), "");
        assertOneLine(write("pickle-only.bin", Files.readAllBytes(Fixtures.path("weights/malicious-plain.pkl"))),
                "forbidden pickle global");
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path f = tmp.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    private static void assertOneLine(Path file, String expected) {
        IOException e = assertThrows(IOException.class, () -> TorchBinReader.read(file));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().contains(file.getFileName().toString()) && e.getMessage().contains(expected), e.getMessage());
    }
}
