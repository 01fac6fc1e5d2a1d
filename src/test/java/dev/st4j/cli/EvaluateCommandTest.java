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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code st4j evaluate} prints sentence-transformers' metric names as JSON on its last line. */
class EvaluateCommandTest {

    static JsonNode lastJsonLine(String... args) throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = St4jCli.run(args);
        } finally {
            System.setOut(old);
        }
        assertEquals(0, status);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        return new ObjectMapper().readTree(lines.get(lines.size() - 1));
    }

    @Test
    void pairScoreMetricsOnTheTinyModel() throws Exception {
        JsonNode m = lastJsonLine("evaluate", "--model", Shared.tinyModel("bert").toString(), "--trainer", "pair_score",
                "--data-path", Shared.data("stsb").toString(), "--split", "validation", "--max-samples", "50");
        for (String key : List.of("pearson_cosine", "spearman_cosine", "pearson_manhattan", "spearman_manhattan",
                "pearson_euclidean", "spearman_euclidean", "pearson_dot", "spearman_dot", "mse_cosine")) {
            assertTrue(m.has(key) && m.get(key).isNumber(), key + " in " + m);
        }
        assertTrue(Math.abs(m.get("spearman_cosine").asDouble()) <= 1);
    }

    /** The quality bar: Python sentence-transformers gives 0.8672 with the same weights. */
    @Tag("slow")
    @Test
    void zeroShotMiniLmOnStsbValidationMatchesPython() throws Exception {
        JsonNode m = lastJsonLine("evaluate", "--model", "sentence-transformers/all-MiniLM-L6-v2", "--trainer", "pair_score",
                "--data-path", Shared.data("stsb").toString(), "--split", "validation");
        assertEquals(0.8672, m.get("spearman_cosine").asDouble(), 0.002);
    }
}
