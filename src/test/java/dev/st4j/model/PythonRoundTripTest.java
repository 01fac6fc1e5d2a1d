package dev.st4j.model;

import static dev.st4j.testing.Embeddings.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import dev.st4j.safetensors.SafetensorsWriter;
import dev.st4j.testing.PythonSide;
import dev.st4j.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every module combination st4j writes loads in Python's {@code SentenceTransformer(folder)} and gives
 * st4j's embeddings (plain, query and document prompts) and similarity scores to 1e-4; a model Python
 * trains and saves loads in st4j with Python's embeddings.
 */
@Tag("python")
class PythonRoundTripTest {
    private static final List<String> TEXTS = List.of("A man is playing a guitar.", "The cat sleeps on the warm mat today",
            "Café crème brûlée, naïve façade", "word",
            "A very long sentence that goes on and on about nothing in particular so that truncation at the maximum "
                    + "sequence length of the tiny model really matters for the pooled embedding of this text, again and again "
                    + "and again with more words than the model can see at once, which is the point of this sentence.");

    @TempDir
    Path tmp;

    /** The bert fixture saved by st4j, with its pooling, extra modules and config changed, then loaded and saved by st4j again. */
    private Path variant(String name, String pooling, String stConfig, String... dense) throws IOException {
        Path raw = tmp.resolve(name + "-raw");
        try (SentenceTransformer st = SentenceTransformer.load(Shared.tinyModel("bert"))) {
            st.save(raw);
        }
        Files.writeString(raw.resolve("1_Pooling/config.json"), pooling);
        Files.writeString(raw.resolve("config_sentence_transformers.json"), stConfig);
        StringBuilder modules = new StringBuilder("[{\"idx\":0,\"name\":\"0\",\"path\":\"\",\"type\":\"sentence_transformers.models.Transformer\"},"
                + "{\"idx\":1,\"name\":\"1\",\"path\":\"1_Pooling\",\"type\":\"sentence_transformers.models.Pooling\"}");
        int idx = 2;
        int width = poolingWidth(pooling);
        for (String d : dense) {
            String[] spec = d.split(":");
            int out = Integer.parseInt(spec[0]);
            writeDense(raw.resolve(idx + "_Dense"), width, out, Boolean.parseBoolean(spec[1]), spec[2], idx);
            modules.append(",{\"idx\":").append(idx).append(",\"name\":\"").append(idx).append("\",\"path\":\"").append(idx)
                    .append("_Dense\",\"type\":\"sentence_transformers.models.Dense\"}");
            width = out;
            idx++;
        }
        modules.append(",{\"idx\":").append(idx).append(",\"name\":\"").append(idx).append("\",\"path\":\"").append(idx)
                .append("_Normalize\",\"type\":\"sentence_transformers.models.Normalize\"}]");
        Files.createDirectories(raw.resolve(idx + "_Normalize"));
        Files.writeString(raw.resolve("modules.json"), modules.toString());
        Path saved = tmp.resolve(name);
        try (SentenceTransformer st = SentenceTransformer.load(raw)) {
            st.save(saved);
        }
        return saved;
    }

    private static int poolingWidth(String pooling) {
        int modes = pooling.split("\"(cls|max|mean|mean_sqrt_len_tokens|weightedmean|lasttoken)\"", -1).length - 1;
        return 32 * Math.max(1, modes);
    }

    private static void writeDense(Path dir, int in, int out, boolean bias, String activation, long seed) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("config.json"), "{\"in_features\": " + in + ", \"out_features\": " + out + ", \"bias\": " + bias
                + ", \"activation_function\": \"" + activation + "\"}");
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed((int) seed);
            Map<String, NDArray> t = new LinkedHashMap<>();
            t.put("linear.weight", m.randomNormal(0, 0.2f, new Shape(out, in), ai.djl.ndarray.types.DataType.FLOAT32));
            if (bias) {
                t.put("linear.bias", m.randomNormal(0, 0.2f, new Shape(out), ai.djl.ndarray.types.DataType.FLOAT32));
            }
            SafetensorsWriter.write(dir.resolve("model.safetensors"), t);
        }
    }

    @Test
    void everyModuleCombinationSt4jWritesLoadsInPythonWithSt4jsEmbeddings() throws IOException {
        String prompts = "\"prompts\": {\"query\": \"query: \", \"document\": \"passage: \"}";
        Map<String, Path> models = new LinkedHashMap<>();
        models.put("cls-prompts-dot", variant("cls-prompts-dot", "{\"embedding_dimension\": 32, \"pooling_mode\": \"cls\"}",
                "{" + prompts + ", \"default_prompt_name\": \"query\", \"similarity_fn_name\": \"dot\"}"));
        models.put("max-gelu-nobias", variant("max-gelu-nobias", "{\"embedding_dimension\": 32, \"pooling_mode\": \"max\"}",
                "{\"similarity_fn_name\": \"cosine\"}", "24:false:torch.nn.modules.activation.GELU"));
        models.put("weightedmean-sqrt", variant("weightedmean-sqrt", "{\"embedding_dimension\": 32, \"pooling_mode\": "
                + "[\"mean_sqrt_len_tokens\", \"weightedmean\"]}", "{\"similarity_fn_name\": \"euclidean\"}"));
        models.put("lasttoken-cls-order", variant("lasttoken-cls-order", "{\"embedding_dimension\": 32, \"pooling_mode\": "
                + "[\"lasttoken\", \"cls\"]}", "{\"similarity_fn_name\": \"manhattan\"}", "16:true:torch.nn.modules.activation.Tanh"));
        models.put("mean-without-prompt", variant("mean-without-prompt", "{\"embedding_dimension\": 32, \"pooling_mode\": \"mean\", "
                + "\"include_prompt\": false}", "{" + prompts + ", \"similarity_fn_name\": \"cosine\"}",
                "32:true:torch.nn.modules.linear.Identity", "8:false:torch.nn.modules.activation.ReLU"));
        JsonNode python = PythonSide.encode(models, TEXTS, tmp);
        for (Map.Entry<String, Path> e : models.entrySet()) {
            JsonNode py = python.get(e.getKey());
            try (SentenceTransformer st = SentenceTransformer.load(e.getValue())) {
                String what = e.getKey();
                assertEquals(st.maxSeqLength(), py.get("max_seq_length").asInt(), what);
                assertEquals(st.similarityFnName(), py.get("similarity_fn_name").asText(), what);
                assertClose(py.get("encode"), st.encode(TEXTS), what + " encode");
                assertClose(py.get("encode_query"), st.encodeQuery(TEXTS, EncodeOptions.DEFAULTS), what + " encode_query");
                assertClose(py.get("encode_document"), st.encodeDocument(TEXTS, EncodeOptions.DEFAULTS), what + " encode_document");
                float[][] two = st.encode(TEXTS.subList(0, 2));
                assertClose(py.get("similarity"), dev.st4j.similarity.SimilarityFunction.of(st).matrix(two, two), what + " similarity");
            }
        }
    }

    @Test
    void aModelPythonTrainsLoadsInSt4jWithPythonsEmbeddings() throws IOException {
        Path trained = tmp.resolve("python-trained");
        PythonSide.train(trained, Shared.data("stsb/train.csv"));
        JsonNode py = PythonSide.encode(Map.of("trained", trained), TEXTS, tmp).get("trained");
        try (SentenceTransformer st = SentenceTransformer.load(trained)) {
            assertEquals(py.get("max_seq_length").asInt(), st.maxSeqLength());
            assertClose(py.get("encode"), st.encode(TEXTS), "python-trained");
        }
        assertTrue(Files.exists(trained.resolve("modules.json")));
    }
}
