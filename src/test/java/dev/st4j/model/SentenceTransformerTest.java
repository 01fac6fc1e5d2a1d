package dev.st4j.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.st4j.modules.Dense;
import dev.st4j.modules.Normalize;
import dev.st4j.modules.Pooling;
import dev.st4j.modules.PoolingMode;
import dev.st4j.testing.Reference;
import dev.st4j.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading, encoding and saving whole sentence-transformers models. */
class SentenceTransformerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static List<String> referenceTexts() throws IOException {
        List<String> texts = new ArrayList<>();
        Reference.of("bert").json().get("texts").forEach(t -> texts.add(t.asText()));
        return texts;
    }

    @Test
    void plainHuggingFaceFolderLoadsAsTransformerPlusMeanPooling() throws Exception {
        try (SentenceTransformer st = SentenceTransformer.load(Shared.tinyModel("bert"))) {
            assertEquals(1, st.modules().size());
            Pooling p = (Pooling) st.modules().get(0);
            assertEquals(java.util.List.of(PoolingMode.MEAN), p.modes());
            assertEquals(64, st.maxSeqLength(), "min(max_position_embeddings, model_max_length)");
            float[][] emb = st.encode(referenceTexts());
            float[][] expected = Reference.of("bert").meanPooled();
            for (int i = 0; i < expected.length; i++) {
                assertArrayEquals(expected[i], emb[i], 1e-4f, "text " + i);
            }
        }
    }

    @Test
    void saveThenLoadGivesTheSameEmbeddings() throws Exception {
        Path out = tmp.resolve("saved");
        List<String> texts = referenceTexts();
        float[][] before;
        try (SentenceTransformer st = SentenceTransformer.load(Shared.tinyModel("bert"))) {
            before = st.encode(texts);
            st.save(out);
        }
        for (String f : List.of("modules.json", "config_sentence_transformers.json", "sentence_bert_config.json",
                "config.json", "model.safetensors", "vocab.txt", "tokenizer_config.json", "1_Pooling/config.json")) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        JsonNode modules = JSON.readTree(out.resolve("modules.json").toFile());
        assertEquals("sentence_transformers.models.Transformer", modules.get(0).get("type").asText());
        assertEquals("", modules.get(0).get("path").asText());
        assertEquals("1_Pooling", modules.get(1).get("path").asText());
        JsonNode pooling = JSON.readTree(out.resolve("1_Pooling/config.json").toFile());
        assertEquals(32, pooling.get("word_embedding_dimension").asInt());
        assertTrue(pooling.get("pooling_mode_mean_tokens").asBoolean());
        assertFalse(pooling.get("pooling_mode_cls_token").asBoolean());
        assertEquals(64, JSON.readTree(out.resolve("sentence_bert_config.json").toFile()).get("max_seq_length").asInt());
        try (SentenceTransformer again = SentenceTransformer.load(out)) {
            float[][] after = again.encode(texts);
            for (int i = 0; i < texts.size(); i++) {
                assertArrayEquals(before[i], after[i], 0f, "text " + i);
            }
        }
        try (var files = Files.list(tmp)) {
            assertEquals(List.of(out), files.toList(), "no temporary folders left beside the model");
        }
    }

    @Test
    void savingIntoAnExistingProjectKeepsItsOtherFiles() throws Exception {
        Path project = tmp.resolve("project");
        Files.createDirectories(project.resolve("checkpoint-3"));
        Files.writeString(project.resolve("training_log.jsonl"), "{}\n");
        Files.writeString(project.resolve("model.safetensors"), "stale");
        try (SentenceTransformer st = SentenceTransformer.load(Shared.tinyModel("bert"))) {
            st.save(project);
        }
        assertTrue(Files.isDirectory(project.resolve("checkpoint-3")));
        assertEquals("{}\n", Files.readString(project.resolve("training_log.jsonl")));
        try (SentenceTransformer again = SentenceTransformer.load(project)) {
            assertEquals(32, again.dimension());
        }
        try (var files = Files.list(tmp)) {
            assertEquals(List.of(project), files.toList(), "no temporary folders left");
        }
    }

    @Test
    void everyArchitectureRoundTrips() throws Exception {
        for (String arch : List.of("distilbert", "mpnet", "roberta", "xlm-roberta", "t5")) {
            Path src = tmp.resolve(arch + "-src");
            copyFixtureWithBertVocab(arch, src);
            Path out = tmp.resolve(arch);
            List<String> texts = List.of("the cat sat", "a longer sentence about the city and the man");
            float[][] before;
            try (SentenceTransformer st = SentenceTransformer.load(src)) {
                before = st.encode(texts);
                st.save(out);
            }
            try (SentenceTransformer again = SentenceTransformer.load(out)) {
                float[][] after = again.encode(texts);
                for (int i = 0; i < texts.size(); i++) {
                    assertArrayEquals(before[i], after[i], 0f, arch + " text " + i);
                }
            }
        }
    }

    @Test
    void poolingDenseNormalizePipelineMatchesHandComputation() throws Exception {
        Path dir = tmp.resolve("pipeline");
        copyFixtureWithBertVocab("bert", dir);
        Files.writeString(dir.resolve("modules.json"), """
                [{"idx":0,"name":"0","path":"","type":"sentence_transformers.models.Transformer"},
                 {"idx":1,"name":"1","path":"1_Pooling","type":"sentence_transformers.models.Pooling"},
                 {"idx":2,"name":"2","path":"2_Dense","type":"sentence_transformers.models.Dense"},
                 {"idx":3,"name":"3","path":"3_Normalize","type":"sentence_transformers.models.Normalize"}]""");
        Files.createDirectories(dir.resolve("1_Pooling"));
        Pooling.of(32, PoolingMode.MEAN).save(dir.resolve("1_Pooling"));
        Files.createDirectories(dir.resolve("3_Normalize"));
        float[][] w = new float[4][32];
        float[] b = {0.1f, -0.2f, 0.3f, 0f};
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 32; j++) {
                w[i][j] = (float) Math.sin(i * 32 + j);
            }
        }
        writeDense(dir.resolve("2_Dense"), w, b);

        float[][] pooled = Reference.of("bert").meanPooled();
        try (SentenceTransformer st = SentenceTransformer.load(dir)) {
            assertTrue(st.modules().get(1) instanceof Dense);
            assertTrue(st.modules().get(2) instanceof Normalize);
            assertEquals(4, st.dimension());
            assertTrue(st.normalizes());
            float[][] emb = st.encode(referenceTexts());
            for (int s = 0; s < pooled.length; s++) {
                double[] y = new double[4];
                double norm = 0;
                for (int i = 0; i < 4; i++) {
                    double z = b[i];
                    for (int j = 0; j < 32; j++) {
                        z += w[i][j] * pooled[s][j];
                    }
                    y[i] = Math.tanh(z);
                    norm += y[i] * y[i];
                }
                for (int i = 0; i < 4; i++) {
                    assertEquals(y[i] / Math.sqrt(norm), emb[s][i], 1e-4, "sentence " + s + " value " + i);
                }
            }
            Path saved = tmp.resolve("pipeline-saved");
            st.save(saved);
            JsonNode modules = JSON.readTree(saved.resolve("modules.json").toFile());
            assertEquals("2_Dense", modules.get(2).get("path").asText());
            assertEquals("3_Normalize", modules.get(3).get("path").asText());
            assertTrue(Files.isDirectory(saved.resolve("3_Normalize")));
            JsonNode dense = JSON.readTree(saved.resolve("2_Dense/config.json").toFile());
            assertEquals(32, dense.get("in_features").asInt());
            assertEquals(4, dense.get("out_features").asInt());
            assertEquals("torch.nn.modules.activation.Tanh", dense.get("activation_function").asText());
        }
    }

    @Test
    void encodeReturnsInputOrderWhateverTheBatching() throws Exception {
        List<String> texts = List.of("a", "the man was in the city and it is a good day", "the cat", "", "she said hello world");
        try (SentenceTransformer st = SentenceTransformer.load(Shared.tinyModel("bert"))) {
            float[][] batched = st.encode(texts, EncodeOptions.DEFAULTS.withBatchSize(2));
            for (int i = 0; i < texts.size(); i++) {
                assertArrayEquals(st.encode(texts.get(i)), batched[i], 1e-5f, "text " + i);
            }
            float[][] normalized = st.encode(texts, EncodeOptions.DEFAULTS.withNormalizeEmbeddings(true));
            double norm = 0;
            for (float v : normalized[1]) {
                norm += v * v;
            }
            assertEquals(1.0, Math.sqrt(norm), 1e-5);
        }
    }

    @Test
    void maxSeqLengthTruncates() throws Exception {
        try (SentenceTransformer st = SentenceTransformer.load(Shared.tinyModel("bert"))) {
            st.setMaxSeqLength(4);
            assertEquals(4, st.tokenize(List.of("the man was in the city")).length());
            assertThrows(IllegalArgumentException.class, () -> st.setMaxSeqLength(0));
        }
    }

    @Test
    void unknownModuleTypeIsAOneLineError() throws Exception {
        Path dir = tmp.resolve("odd");
        copyFixtureWithBertVocab("bert", dir);
        Files.writeString(dir.resolve("modules.json"), """
                [{"idx":0,"name":"0","path":"","type":"sentence_transformers.models.Transformer"},
                 {"idx":1,"name":"1","path":"1_X","type":"sentence_transformers.models.WordWeights"}]""");
        IOException e = assertThrows(IOException.class, () -> SentenceTransformer.load(dir));
        assertTrue(e.getMessage().contains("modules.json") && e.getMessage().contains("WordWeights"), e.getMessage());
    }

    /** Copies a fixture; the fixed-id fixtures ship no tokenizer, so they borrow the BERT vocabulary. */
    static void copyFixtureWithBertVocab(String arch, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(Shared.tinyModel(arch))) {
            for (Path f : files.toList()) {
                if (!f.getFileName().toString().equals("reference.json")) {
                    Files.copy(f, to.resolve(f.getFileName()));
                }
            }
        }
        if (!Files.exists(to.resolve("vocab.txt"))) {
            Files.copy(Shared.tinyModel("bert").resolve("vocab.txt"), to.resolve("vocab.txt"));
            Files.writeString(to.resolve("tokenizer_config.json"), "{\"do_lower_case\": true, \"pad_token\": \"[PAD]\"}");
        }
    }

    private static void writeDense(Path dir, float[][] w, float[] b) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("config.json"), "{\"in_features\": 32, \"out_features\": 4, \"bias\": true, "
                + "\"activation_function\": \"torch.nn.modules.activation.Tanh\"}");
        try (var m = ai.djl.ndarray.NDManager.newBaseManager()) {
            var tensors = new java.util.LinkedHashMap<String, ai.djl.ndarray.NDArray>();
            tensors.put("linear.weight", m.create(w));
            tensors.put("linear.bias", m.create(b));
            dev.st4j.safetensors.SafetensorsWriter.write(dir.resolve("model.safetensors"), tensors);
        }
    }

    /** The bert fixture saved with prompts, a default prompt and a similarity function in its config. */
    private Path promptedModel(boolean includePrompt) throws Exception {
        Path out = tmp.resolve("prompted-" + includePrompt);
        try (SentenceTransformer st = SentenceTransformer.load(Shared.tinyModel("bert"))) {
            st.save(out);
        }
        Files.writeString(out.resolve("config_sentence_transformers.json"), "{\"prompts\": {\"query\": \"query: \", "
                + "\"document\": \"\", \"passage\": \"passage: \"}, \"default_prompt_name\": \"query\", \"similarity_fn_name\": \"dot\"}");
        Files.writeString(out.resolve("1_Pooling/config.json"), "{\"embedding_dimension\": 32, \"pooling_mode\": \"mean\", "
                + "\"include_prompt\": " + includePrompt + "}");
        return out;
    }

    @Test
    void promptsResolveAsInPythonAndGoBeforeTheText() throws Exception {
        try (SentenceTransformer st = SentenceTransformer.load(promptedModel(true));
                SentenceTransformer plain = SentenceTransformer.load(Shared.tinyModel("bert"))) {
            assertEquals("dot", st.similarityFnName());
            assertEquals("query", st.defaultPromptName());
            List<String> texts = List.of("a man plays a guitar", "the cat sleeps");
            float[][] byDefault = st.encode(texts);
            float[][] literal = plain.encode(List.of("query: a man plays a guitar", "query: the cat sleeps"));
            assertArrayEquals(literal[0], byDefault[0], 1e-6f, "the default prompt is put before the text");
            float[][] passage = st.encode(texts, EncodeOptions.DEFAULTS.withPromptName("passage"));
            assertArrayEquals(plain.encode(List.of("passage: the cat sleeps"))[0], passage[1], 1e-6f);
            float[][] explicit = st.encode(texts, EncodeOptions.DEFAULTS.withPromptName("passage").withPrompt(""));
            assertArrayEquals(plain.encode(texts)[1], explicit[1], 1e-6f, "an explicit empty prompt wins and adds nothing");
            assertArrayEquals(plain.encode(texts)[0], st.encodeDocument(texts, EncodeOptions.DEFAULTS)[0], 1e-6f,
                    "encode_document takes the (empty) document prompt before passage");
            assertArrayEquals(byDefault[0], st.encodeQuery(texts, EncodeOptions.DEFAULTS)[0], 1e-6f);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> st.encode(texts, EncodeOptions.DEFAULTS.withPromptName("summary")));
            assertTrue(e.getMessage().startsWith("prompt name 'summary' is not one of this model's prompts"), e.getMessage());
        }
    }

    @Test
    void withoutIncludePromptThePromptTokensAreNotPooled() throws Exception {
        try (SentenceTransformer st = SentenceTransformer.load(promptedModel(false));
                SentenceTransformer plain = SentenceTransformer.load(Shared.tinyModel("bert"))) {
            assertEquals(7, st.transformer().tokenizer().promptLength("query: "), "[CLS] q u e r y : — the trailing [SEP] is not counted");
            float[] pooled = st.encode(List.of("the cat sleeps"))[0];
            assertFalse(java.util.Arrays.equals(plain.encode(List.of("query: the cat sleeps"))[0], pooled));
            try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager()) {
                dev.st4j.tokenizer.TokenBatch b = st.tokenize(List.of("the cat sleeps"), "query: ");
                assertEquals(7, b.promptLength());
                ai.djl.ndarray.NDArray h = st.transformer().forward(b.toInput(m), 0, false).tokenEmbeddings();
                int n = (int) java.util.Arrays.stream(b.attentionMask()[0]).sum();
                float[] expected = h.get(":, 7:" + n + ", :").mean(new int[] {1}).toFloatArray();
                assertArrayEquals(expected, pooled, 1e-5f, "the mean of the tokens after the prompt");
            }
        }
    }

    @Test
    void aModulePathLeavingTheFolderIsRefused() throws Exception {
        Path out = tmp.resolve("escape");
        try (SentenceTransformer st = SentenceTransformer.load(Shared.tinyModel("bert"))) {
            st.save(out);
        }
        Files.writeString(out.resolve("modules.json"), "[{\"idx\":0,\"name\":\"0\",\"path\":\"\",\"type\":\"sentence_transformers.models.Transformer\"},"
                + "{\"idx\":1,\"name\":\"1\",\"path\":\"../../etc\",\"type\":\"sentence_transformers.models.Pooling\"}]");
        IOException e = assertThrows(IOException.class, () -> SentenceTransformer.load(out));
        assertTrue(e.getMessage().endsWith("module 1 has path '../../etc', which leaves the model folder"), e.getMessage());
    }
}
