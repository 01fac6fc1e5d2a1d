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

    @Test
    void everyTrainerHasItsMetrics() throws Exception {
        String model = Shared.tinyModel("bert").toString();
        JsonNode cls = lastJsonLine("evaluate", "--model", model, "--trainer", "pair_class", "--data-path",
                Shared.data("mrpc").toString(), "--target-column", "label", "--max-samples", "40");
        for (String key : List.of("cosine_accuracy", "cosine_accuracy_threshold", "cosine_f1", "cosine_precision",
                "cosine_recall", "cosine_f1_threshold", "cosine_ap")) {
            assertTrue(cls.has(key), key + " in " + cls);
        }
        JsonNode triplet = lastJsonLine("evaluate", "--model", model, "--trainer", "triplet", "--data-path",
                Shared.data("nli-triplets").toString(), "--sentence3-column", "negative", "--max-samples", "40");
        assertTrue(triplet.get("cosine_accuracy").asDouble() >= 0 && triplet.get("cosine_accuracy").asDouble() <= 1);
        JsonNode qa = lastJsonLine("evaluate", "--model", model, "--trainer", "qa", "--data-path",
                Shared.data("scifact").toString(), "--split", "train", "--max-samples", "30");
        for (String key : List.of("cosine_accuracy@1", "cosine_recall@10", "cosine_mrr@10", "cosine_ndcg@10", "cosine_map@100")) {
            assertTrue(qa.has(key), key + " in " + qa);
        }
    }

    @Test
    void beirFilesGiveRetrievalMetrics(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("corpus.csv"), "docid,text\nd1,the cat sat on the mat\nd2,a man was in the city\nd3,it is a good day\n");
        java.nio.file.Files.writeString(dir.resolve("queries.csv"), "qid,text\nq1,the cat\nq2,the city\nq3,no judgement\n");
        java.nio.file.Files.writeString(dir.resolve("qrels.csv"), "qid,docid,score\nq1,d1,1\nq2,d2,1\nq2,d3,0\n");
        JsonNode m = lastJsonLine("evaluate", "--model", Shared.tinyModel("bert").toString(), "--trainer", "qa",
                "--corpus", dir.resolve("corpus.csv").toString(), "--queries", dir.resolve("queries.csv").toString(),
                "--qrels", dir.resolve("qrels.csv").toString());
        assertEquals(1.0, m.get("cosine_accuracy@3").asDouble(), 1e-9, "3 documents: every relevant one is in the top 3");
        assertTrue(m.get("cosine_ndcg@10").asDouble() > 0);
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
