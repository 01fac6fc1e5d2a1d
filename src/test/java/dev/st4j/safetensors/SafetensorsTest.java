package dev.st4j.safetensors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.st4j.tensor.TensorDType;
import dev.st4j.testing.Shared;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading, writing and rejecting safetensors files. */
class SafetensorsTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsTensorsBitForBit() throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> in = new LinkedHashMap<>();
            in.put("a.weight", m.randomNormal(new ai.djl.ndarray.types.Shape(3, 5)));
            in.put("b.ids", m.create(new long[] {1, -2, 3}));
            in.put("c.scalar", m.create(new float[] {2.5f}).reshape());
            Path f = dir.resolve("x.safetensors");
            SafetensorsWriter.write(f, in);
            assertEquals(0, headerLength(f) % 8, "header padded to a multiple of 8");
            Map<String, NDArray> out = SafetensorsReader.read(f, m);
            assertEquals(in.keySet(), out.keySet());
            for (String k : in.keySet()) {
                assertEquals(in.get(k).getShape(), out.get(k).getShape(), k);
                assertEquals(in.get(k).getDataType(), out.get(k).getDataType(), k);
                assertArrayEquals(in.get(k).toByteArray(), out.get(k).toByteArray(), k);
            }
            assertEquals("pt", SafetensorsReader.readHeader(f).metadata().get("format"));
        }
    }

    @Test
    void tensorsOwnTheirMemoryAfterTheReadBuffersAreCollected() throws IOException {
        Path file = Shared.tinyModel("bert").resolve("model.safetensors");
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> first = SafetensorsReader.read(file, m);
            byte[] expected = first.get("embeddings.word_embeddings.weight").toByteArray();
            java.util.List<ByteBuffer> garbage = new java.util.ArrayList<>();
            for (int round = 0; round < 20; round++) {
                System.gc();
                for (int i = 0; i < 50; i++) {
                    ByteBuffer b = ByteBuffer.allocateDirect(128 * 1024);
                    while (b.hasRemaining()) {
                        b.put((byte) 0x7f);
                    }
                    garbage.add(b);
                }
            }
            assertArrayEquals(expected, first.get("embeddings.word_embeddings.weight").toByteArray(),
                    "weights changed after their read buffers were garbage-collected");
            assertTrue(garbage.size() > 0);
        }
    }

    @Test
    void readsFixtureWrittenByPython() {
        SafetensorsHeader h = SafetensorsReader.readHeader(Shared.tinyModel("bert").resolve("model.safetensors"));
        TensorEntry e = h.tensors().get("embeddings.word_embeddings.weight");
        assertEquals(TensorDType.F32, e.dtype());
        assertArrayEquals(new long[] {1000, 32}, e.shape());
    }

    @Test
    void truncatedFileNamesFileAndTensor() throws IOException {
        Path src = Shared.tinyModel("bert").resolve("model.safetensors");
        byte[] all = Files.readAllBytes(src);
        Path f = dir.resolve("cut.safetensors");
        Files.write(f, java.util.Arrays.copyOf(all, all.length - 100));
        SafetensorsException e = assertThrows(SafetensorsException.class, () -> SafetensorsReader.readHeader(f));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("tensor '"), e.getMessage());
        assertTrue(e.getMessage().contains("outside the data section"), e.getMessage());
    }

    @Test
    void lyingHeadersGetOneLineErrors() throws IOException {
        assertRejected("{\"t\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,8]}}", 16, "needs 16 bytes");
        assertRejected("{\"t\":{\"dtype\":\"Q7\",\"shape\":[1],\"data_offsets\":[0,4]}}", 4, "unsupported dtype 'Q7'");
        assertRejected("{\"t\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}", 4, "non-negative integer");
        assertRejected("{\"t\":{\"dtype\":\"F32\",\"shape\":[4611686018427387904,4],\"data_offsets\":[0,4]}}", 4, "too large");
        assertRejected("{\"t\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,0]}}", 4, "outside the data section");
        assertRejected("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8, "overlaps");
        assertRejected("[1,2]", 0, "not a JSON object");
        assertRejected("{\"t\":", 0, "not valid JSON");
    }

    @Test
    void hugeHeaderLengthIsRejectedWithoutAllocating() throws IOException {
        Path f = dir.resolve("huge.safetensors");
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(Long.MAX_VALUE - 3);
        Files.write(f, b.array());
        SafetensorsException e = assertThrows(SafetensorsException.class, () -> SafetensorsReader.readHeader(f));
        assertTrue(e.getMessage().contains("does not fit"), e.getMessage());
        Files.write(f, new byte[3]);
        assertTrue(assertThrows(SafetensorsException.class, () -> SafetensorsReader.readHeader(f))
                .getMessage().contains("too short"));
    }

    @Test
    void fuzzedHeadersNeverCrashTheReader() throws IOException {
        byte[] good = Files.readAllBytes(Shared.tinyModel("t5").resolve("model.safetensors"));
        Random random = new Random(7);
        Path f = dir.resolve("fuzz.safetensors");
        int rejected = 0;
        for (int round = 0; round < 400; round++) {
            byte[] bytes;
            if (round % 4 == 0) {
                bytes = new byte[random.nextInt(64)];
                random.nextBytes(bytes);
            } else {
                int headerLen = (int) ByteBuffer.wrap(good, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
                bytes = good.clone();
                int flips = 1 + random.nextInt(4);
                for (int i = 0; i < flips; i++) {
                    int pos = random.nextInt(8 + headerLen);
                    bytes[pos] = (byte) random.nextInt(256);
                }
            }
            Files.write(f, bytes);
            try (NDManager m = NDManager.newBaseManager()) {
                SafetensorsReader.read(f, m);
            } catch (SafetensorsException e) {
                rejected++;
                assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
                assertEquals(1, e.getMessage().lines().count(), e.getMessage());
            }
        }
        assertTrue(rejected > 100, "most mutations are caught: " + rejected);
    }

    private void assertRejected(String header, int dataBytes, String expected) throws IOException {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + json.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(json.length).put(json);
        Path f = dir.resolve("bad.safetensors");
        Files.write(f, b.array());
        SafetensorsException e = assertThrows(SafetensorsException.class, () -> SafetensorsReader.readHeader(f), header);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    private static long headerLength(Path f) throws IOException {
        byte[] b = Files.readAllBytes(f);
        return ByteBuffer.wrap(b, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }
}
