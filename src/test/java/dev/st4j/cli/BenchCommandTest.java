package dev.st4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.st4j.testing.Shared;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code st4j bench} prints one JSON object per selected measurement and rejects unknown ones in one line. */
class BenchCommandTest {
    @Test
    void printsOneLinePerBatchSizeOfTheSelectedMeasurement() throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = St4jCli.run("bench", "--model", Shared.tinyModel("bert").toString(), "--data-root",
                    Shared.data("stsb").getParent().toString(), "--only", "encode_stsb", "--batch-sizes", "64,128");
        } finally {
            System.setOut(old);
        }
        assertEquals(0, status);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("{")).toList();
        assertEquals(2, lines.size(), out.toString(StandardCharsets.UTF_8));
        for (int i = 0; i < 2; i++) {
            JsonNode n = new ObjectMapper().readTree(lines.get(i));
            assertEquals("encode stsb-validation", n.get("name").asText());
            assertEquals(i == 0 ? 64 : 128, n.get("batchSize").asInt());
            assertEquals(2910, n.get("texts").asInt());
            assertEquals(64, n.get("maxSeqLength").asInt(), "capped at the tiny model's 64 positions");
            assertTrue(n.get("textsPerSecond").asDouble() > 0 && n.get("peakRssMib").asLong() > 0, lines.get(i));
        }
    }

    @Test
    void theIndexMeasurementReportsRecallAgainstExactSearchAndLatencies() throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = St4jCli.run("bench", "--model", Shared.tinyModel("bert").toString(), "--data-root",
                    Shared.data("stsb").getParent().toString(), "--only", "index_scifact", "--scifact-limit", "300");
        } finally {
            System.setOut(old);
        }
        assertEquals(0, status);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("{")).toList();
        assertEquals(1, lines.size(), out.toString(StandardCharsets.UTF_8));
        JsonNode n = new ObjectMapper().readTree(lines.get(0));
        assertEquals(300, n.get("documents").asInt());
        assertEquals(101 + 802, n.get("queries").asInt(), "SciFact's validation queries and training claims");
        assertTrue(n.get("recallAtK").asDouble() >= 0.99 && n.get("recallAtK").asDouble() <= 1.0, lines.get(0));
        assertTrue(n.get("indexBytes").asLong() > 300L * 32 * 4, "the vectors are on disk: " + lines.get(0));
        assertTrue(n.get("graphP50Ms").asDouble() > 0 && n.get("graphP99Ms").asDouble() >= n.get("graphP50Ms").asDouble(), lines.get(0));
    }

    @Test
    void unknownMeasurementIsOneLine() {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertTrue(St4jCli.run("bench", "--only", "encode_everything") != 0);
        } finally {
            System.setErr(old);
        }
        String text = err.toString(StandardCharsets.UTF_8).strip();
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.contains("--only") && text.contains("ENCODE_STSB"), text);
    }
}
