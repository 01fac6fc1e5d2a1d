package dev.st4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.st4j.testing.CliRun;
import dev.st4j.testing.Shared;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code st4j bench} prints one JSON object per selected measurement and rejects unknown ones in one line. */
class BenchCommandTest {
    @Test
    void printsOneLinePerBatchSizeOfTheSelectedMeasurement() throws Exception {
        CliRun.Result run = CliRun.run("bench", "--model", Shared.tinyModel("bert").toString(), "--data-root",
                Shared.data("stsb").getParent().toString(), "--only", "encode_stsb", "--batch-sizes", "64,128");
        assertEquals(0, run.status());
        List<String> lines = run.stdout().lines().filter(l -> l.startsWith("{")).toList();
        assertEquals(2, lines.size(), run.stdout());
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
        CliRun.Result run = CliRun.run("bench", "--model", Shared.tinyModel("bert").toString(), "--data-root",
                Shared.data("stsb").getParent().toString(), "--only", "index_scifact", "--scifact-limit", "300");
        assertEquals(0, run.status());
        List<String> lines = run.stdout().lines().filter(l -> l.startsWith("{")).toList();
        assertEquals(1, lines.size(), run.stdout());
        JsonNode n = new ObjectMapper().readTree(lines.get(0));
        assertEquals(300, n.get("documents").asInt());
        assertEquals(101 + 802, n.get("queries").asInt(), "SciFact's validation queries and training claims");
        assertTrue(n.get("recallAtK").asDouble() >= 0.99 && n.get("recallAtK").asDouble() <= 1.0, lines.get(0));
        assertTrue(n.get("indexBytes").asLong() > 300L * 32 * 4, "the vectors are on disk: " + lines.get(0));
        assertTrue(n.get("graphP50Ms").asDouble() > 0 && n.get("graphP99Ms").asDouble() >= n.get("graphP50Ms").asDouble(), lines.get(0));
    }

    @Test
    void theSparkMeasurementEncodesInOneJvmThenOnEachMasterWithOneModelPerTaskSlot() throws Exception {
        CliRun.Result run = CliRun.run("bench", "--model", Shared.tinyModel("bert").toString(), "--data-root",
                Shared.data("stsb").getParent().toString(), "--only", "spark_scifact", "--scifact-limit", "120");
        assertEquals(0, run.status(), run.stderr());
        List<JsonNode> lines = new java.util.ArrayList<>();
        for (String line : run.stdout().lines().filter(l -> l.startsWith("{")).toList()) {
            lines.add(new ObjectMapper().readTree(line));
        }
        assertEquals(List.of("one JVM", "spark local[1]", "spark local[2]"), lines.stream().map(n -> n.get("mode").asText()).toList());
        for (JsonNode n : lines) {
            assertEquals(120, n.get("documents").asInt());
            assertTrue(n.get("documentsPerSecond").asDouble() > 0 && n.get("peakRssMib").asLong() > 0, n.toString());
        }
        assertEquals(1, lines.get(1).get("modelsLoaded").asInt(), "local[1]: one model, loaded once");
        assertTrue(lines.get(2).get("modelsLoaded").asInt() <= 2, "local[2]: at most one model per task slot");
    }

    @Test
    void unknownMeasurementIsOneLine() {
        CliRun.Result run = CliRun.run("bench", "--only", "encode_everything");
        assertTrue(run.status() != 0);
        String text = run.stderr();
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.contains("--only") && text.contains("ENCODE_STSB"), text);
    }
}
