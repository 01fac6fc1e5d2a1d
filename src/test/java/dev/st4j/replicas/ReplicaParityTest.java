package dev.st4j.replicas;

import static dev.st4j.testing.Embeddings.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.st4j.cli.St4jCli;
import dev.st4j.model.EncodeOptions;
import dev.st4j.model.SentenceTransformer;
import dev.st4j.params.SentenceTransformersParams;
import dev.st4j.testing.Fixtures;
import dev.st4j.testing.PythonSide;
import dev.st4j.testing.Shared;
import dev.st4j.tokenizer.TokenBatch;
import dev.st4j.trainer.Trainer;
import dev.st4j.trainer.TrainingResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tiny replicas of the models the seeds name (src/test/fixtures/replicas, written by real Python
 * sentence-transformers with generate_replicas.py: same architecture, module stack, tokenizer kind,
 * weight format, dtype and folder layout as the Hub repository): st4j tokenizes as Python does, encodes
 * to Python's embeddings within 1e-4 through the API and {@code st4j encode}, trains a step with finite
 * gradients, and saves a model Python loads back with st4j's embeddings.
 */
class ReplicaParityTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    static Stream<String> replicas() throws IOException {
        try (Stream<Path> dirs = Files.list(Fixtures.path("replicas"))) {
            return dirs.filter(d -> Files.exists(d.resolve("expected.json"))).map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    private static JsonNode expected(String name) throws IOException {
        return JSON.readTree(Fixtures.path("replicas").resolve(name).resolve("expected.json").toFile());
    }

    private static List<String> texts(JsonNode expected) {
        List<String> texts = new ArrayList<>();
        expected.get("texts").forEach(t -> texts.add(t.asText()));
        return texts;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replicas")
    void tokenizesAndEncodesAsPython(String name) throws Exception {
        JsonNode want = expected(name);
        Path model = Fixtures.path("replicas").resolve(name).resolve("model");
        List<String> texts = texts(want);
        try (SentenceTransformer st = SentenceTransformer.load(model)) {
            assertEquals(want.get("max_seq_length").asInt(), st.maxSeqLength(), name + ": max_seq_length");
            assertEquals(want.get("dimension").asInt(), st.dimension(), name + ": dimension");
            assertEquals(want.get("similarity_fn_name").asText(), st.similarityFnName(), name);
            for (int i = 0; i < texts.size(); i++) {
                TokenBatch b = st.tokenize(List.of(texts.get(i)));
                assertArrayEquals(longs(want.get("token_ids").get(i)), b.inputIds()[0], name + ": token ids of text " + i);
            }
            assertClose(want.get("encode"), st.encode(texts), name + " encode");
            if (want.has("encode_query")) {
                assertClose(want.get("encode_query"), st.encodeQuery(texts, EncodeOptions.DEFAULTS), name + " encode_query");
                assertClose(want.get("encode_document"), st.encodeDocument(texts, EncodeOptions.DEFAULTS), name + " encode_document");
            }
        }
        Path input = tmp.resolve("texts.txt");
        Files.write(input, texts, StandardCharsets.UTF_8);
        Path csv = tmp.resolve("emb.csv");
        assertEquals(0, St4jCli.run("encode", "--model", model.toString(), "--input", input.toString(), "--output", csv.toString()));
        List<String> rows = Files.readAllLines(csv);
        float[][] cli = new float[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            String[] cells = rows.get(i).split(",");
            cli[i] = new float[cells.length];
            for (int j = 0; j < cells.length; j++) {
                cli[i][j] = Float.parseFloat(cells[j]);
            }
        }
        assertClose(want.get("encode"), cli, name + " st4j encode");
    }

    @Test
    @Tag("python")
    void eachTrainsAStepWithFiniteGradientsAndPythonLoadsWhatIsSaved() throws Exception {
        Map<String, Path> trained = new LinkedHashMap<>();
        for (String name : replicas().toList()) {
            Path project = tmp.resolve("trained-" + name);
            SentenceTransformersParams p = SentenceTransformersParams.builder()
                    .model(Fixtures.path("replicas").resolve(name).resolve("model").toString())
                    .dataPath(Shared.data("stsb").toString()).trainer("pair_score").targetColumn("score").maxSamples(8).batchSize(8)
                    .epochs(1).lr(1e-3).warmupRatio(0).evalStrategy("no").projectName(project.toString()).build();
            TrainingResult r = new Trainer(p, List.of()).train();
            assertEquals(1, r.steps(), name);
            assertEquals(0, r.skippedSteps(), name + ": the step's gradient is finite");
            assertTrue(Double.isFinite(r.meanLoss()), name);
            trained.put(name, project);
        }
        List<String> texts = texts(expected(trained.keySet().iterator().next()));
        JsonNode python = PythonSide.encode(trained, texts, tmp);
        for (Map.Entry<String, Path> e : trained.entrySet()) {
            try (SentenceTransformer st = SentenceTransformer.load(e.getValue())) {
                assertClose(python.get(e.getKey()).get("encode"), st.encode(texts), e.getKey() + " trained, in Python");
            }
        }
    }

    private static long[] longs(JsonNode array) {
        long[] out = new long[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asLong();
        }
        return out;
    }
}
