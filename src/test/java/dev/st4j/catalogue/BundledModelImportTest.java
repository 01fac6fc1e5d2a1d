package dev.st4j.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.st4j.model.SentenceTransformer;
import dev.st4j.tokenizer.TokenBatch;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The ONNX importer checked against the ONNX graph itself: ONNX Runtime runs the original export, and
 * the imported model's token and sentence embeddings must match it.
 */
class BundledModelImportTest {
    private static final List<String> TEXTS = List.of("A man is playing a large flute.",
            "The quick brown fox jumps over the lazy dog — twice!", "Short.",
            "Microstructural development of human newborn cerebral white matter assessed in vivo by diffusion tensor imaging.");

    @TempDir
    Path cache;

    @Test
    void miniLmMatchesOnnxRuntime() throws Exception {
        checkAgainstOnnxRuntime(BundledModel.ALL_MINILM_L6_V2, 6, 12);
    }

    @Tag("slow")
    @ParameterizedTest
    @EnumSource(value = BundledModel.class, names = {"BGE_SMALL_EN_V15", "E5_SMALL_V2"})
    void twelveLayerModelsMatchOnnxRuntime(BundledModel model) throws Exception {
        checkAgainstOnnxRuntime(model, 12, 12);
    }

    private void checkAgainstOnnxRuntime(BundledModel model, int layers, int heads) throws Exception {
        Path dir = BundledModels.materialize(model, cache);
        JsonNode config = new ObjectMapper().readTree(dir.resolve("config.json").toFile());
        assertEquals(384, config.get("hidden_size").asInt());
        assertEquals(layers, config.get("num_hidden_layers").asInt());
        assertEquals(heads, config.get("num_attention_heads").asInt());
        assertEquals(1536, config.get("intermediate_size").asInt());
        assertEquals(30522, config.get("vocab_size").asInt());
        assertEquals(512, config.get("max_position_embeddings").asInt());
        assertEquals(1e-12, config.get("layer_norm_eps").asDouble(), 1e-20);
        assertTrue(Files.isDirectory(dir.resolve("2_Normalize")));

        try (SentenceTransformer st = SentenceTransformer.load(dir);
                NDManager m = NDManager.newBaseManager();
                OrtEnvironment env = OrtEnvironment.getEnvironment()) {
            assertEquals(model.maxSeqLength(), st.maxSeqLength());
            TokenBatch batch = st.tokenize(TEXTS);
            assertTrue(batch.length() < 40, "no fixed padding to 128 from the export's tokenizer.json: " + batch.length());
            NDArray hidden = st.transformer().encoder().forward(batch.toInput(m), false);
            float[][][] reference;
            byte[] onnx;
            try (InputStream in = BundledModels.resource(model, model.onnxResource())) {
                onnx = in.readAllBytes();
            }
            try (OrtSession session = env.createSession(onnx, new OrtSession.SessionOptions());
                    OnnxTensor ids = OnnxTensor.createTensor(env, batch.inputIds());
                    OnnxTensor mask = OnnxTensor.createTensor(env, batch.attentionMask());
                    OnnxTensor types = OnnxTensor.createTensor(env, batch.tokenTypeIds());
                    OrtSession.Result result = session.run(Map.of("input_ids", ids, "attention_mask", mask, "token_type_ids", types))) {
                reference = (float[][][]) result.get(0).getValue();
            }
            float[] ours = hidden.toFloatArray();
            int width = 384;
            double maxDiff = 0;
            for (int b = 0; b < TEXTS.size(); b++) {
                for (int t = 0; t < batch.length(); t++) {
                    if (batch.attentionMask()[b][t] == 0) {
                        continue;
                    }
                    for (int j = 0; j < width; j++) {
                        maxDiff = Math.max(maxDiff, Math.abs(reference[b][t][j] - ours[(b * batch.length() + t) * width + j]));
                    }
                }
            }
            assertTrue(maxDiff < 1e-5, model + ": token embeddings differ from ONNX Runtime by " + maxDiff);

            float[][] sentences = st.encode(TEXTS);
            double maxPooledDiff = 0;
            for (int b = 0; b < TEXTS.size(); b++) {
                float[] expected = pool(reference[b], batch.attentionMask()[b], model);
                for (int j = 0; j < width; j++) {
                    maxPooledDiff = Math.max(maxPooledDiff, Math.abs(expected[j] - sentences[b][j]));
                }
            }
            assertTrue(maxPooledDiff < 1e-5, model + ": sentence embeddings differ by " + maxPooledDiff);
        }
    }

    /** The model's pooling and L2 normalisation, computed on ONNX Runtime's token vectors. */
    private static float[] pool(float[][] tokens, long[] mask, BundledModel model) {
        int width = tokens[0].length;
        double[] sum = new double[width];
        int count = 0;
        for (int t = 0; t < tokens.length; t++) {
            if (mask[t] == 1 && (model.pooling() == dev.st4j.modules.PoolingMode.MEAN || t == 0)) {
                for (int j = 0; j < width; j++) {
                    sum[j] += tokens[t][j];
                }
                count++;
            }
        }
        double norm = 0;
        for (int j = 0; j < width; j++) {
            sum[j] /= count;
            norm += sum[j] * sum[j];
        }
        float[] out = new float[width];
        for (int j = 0; j < width; j++) {
            out[j] = (float) (sum[j] / Math.sqrt(norm));
        }
        return out;
    }
}
