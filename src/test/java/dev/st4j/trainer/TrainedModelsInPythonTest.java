package dev.st4j.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.st4j.model.SentenceTransformer;
import dev.st4j.params.SentenceTransformersParams;
import dev.st4j.testing.Embeddings;
import dev.st4j.testing.PythonSide;
import dev.st4j.testing.Shared;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model trained by each of the five trainers loads in Python sentence-transformers with st4j's embeddings, and its card parses as the Hub's. */
@Tag("python")
class TrainedModelsInPythonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TEXTS = List.of("A man is playing a guitar.", "Two dogs run in the park", "what is a protein?");

    @TempDir
    Path tmp;

    private SentenceTransformersParams params(String kind) {
        SentenceTransformersParams.Builder b = SentenceTransformersParams.builder().model(Shared.tinyModel("bert").toString())
                .projectName(tmp.resolve(kind).toString()).epochs(1).batchSize(8).maxSamples(16).maxSeqLength(32).lr(1e-3)
                .trainer(kind).evalStrategy("no");
        return switch (kind) {
            case "pair_score" -> b.dataPath(Shared.data("stsb").toString()).targetColumn("score").build();
            case "pair_class" -> b.dataPath(Shared.data("mrpc").toString()).targetColumn("label").build();
            case "triplet" -> b.dataPath(Shared.data("nli-triplets").toString()).trainSplit("validation").sentence3Column("negative").build();
            case "pair" -> b.dataPath(Shared.data("nli-triplets").toString()).trainSplit("validation").build();
            default -> b.dataPath(Shared.data("scifact").toString()).build();
        };
    }

    @Test
    void everyTrainersModelLoadsInPython() throws Exception {
        Map<String, Path> projects = new LinkedHashMap<>();
        for (String kind : List.of("pair_score", "pair_class", "triplet", "pair", "qa")) {
            SentenceTransformersParams p = params(kind);
            new Trainer(p, List.of()).train();
            projects.put(kind, Path.of(p.projectName()));
        }
        JsonNode python = PythonSide.encode(projects, TEXTS, tmp);
        for (Map.Entry<String, Path> e : projects.entrySet()) {
            JsonNode py = python.get(e.getKey());
            try (SentenceTransformer st = SentenceTransformer.load(e.getValue())) {
                assertEquals(32, py.get("max_seq_length").asInt(), e.getKey());
                Embeddings.assertClose(py.get("encode"), st.encode(TEXTS), e.getKey());
            }
            JsonNode card = JSON.readTree(PythonSide.card(e.getValue()).lines().reduce((a, b) -> b).orElse("{}"));
            assertTrue(card.path("tags").toString().contains("sentence-transformers"), e.getKey() + ": " + card);
            assertEquals(Shared.tinyModel("bert").toString(), card.path("base_model").asText(), e.getKey() + ": " + card);
        }
    }
}
