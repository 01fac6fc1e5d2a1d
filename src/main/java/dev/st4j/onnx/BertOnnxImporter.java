package dev.st4j.onnx;

import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.st4j.io.AtomicFiles;
import dev.st4j.safetensors.SafetensorsWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a PyTorch ONNX export of a BERT encoder into a Hugging Face model folder ({@code config.json},
 * {@code model.safetensors}, tokenizer files). Linear weights in such exports are anonymous,
 * transposed {@code onnx::MatMul_N} initializers; their names are recovered from the graph (the
 * MatMul's output feeds an Add whose other input is the named bias), and the configuration is read
 * off the tensors and the graph.
 */
public final class BertOnnxImporter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LAYER = Pattern.compile("^encoder\\.layer\\.(\\d+)\\.");

    private BertOnnxImporter() {}

    /** The recovered tensors (Hugging Face names and layout) and configuration. */
    public record Imported(Map<String, float[]> tensors, Map<String, long[]> shapes, ObjectNode config) {}

    /** Recovers names, layouts and configuration from the graph. */
    public static Imported recover(OnnxGraph graph, String source) {
        Map<String, float[]> tensors = new LinkedHashMap<>();
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (TensorProto t : graph.initializers().values()) {
            String name = t.getName();
            if (name.startsWith("onnx::") || t.getDataType() != TensorProto.DataType.FLOAT_VALUE) {
                continue;
            }
            tensors.put(name, OnnxGraph.toFloats(t));
            shapes.put(name, OnnxGraph.dims(t));
        }
        for (NodeProto matMul : graph.nodes()) {
            if (!matMul.getOpType().equals("MatMul") || matMul.getInputCount() != 2) {
                continue;
            }
            TensorProto weight = graph.initializers().get(matMul.getInput(1));
            if (weight == null || !weight.getName().startsWith("onnx::MatMul")) {
                continue;
            }
            String bias = biasFedBy(graph, matMul.getOutput(0));
            if (bias == null) {
                throw new IllegalArgumentException(source + ": MatMul '" + matMul.getName() + "' with weight '"
                        + weight.getName() + "' feeds no Add with a named bias; cannot name the weight");
            }
            String name = bias.substring(0, bias.length() - "bias".length()) + "weight";
            long[] d = OnnxGraph.dims(weight);
            tensors.put(name, transpose(OnnxGraph.toFloats(weight), (int) d[0], (int) d[1]));
            shapes.put(name, new long[] {d[1], d[0]});
        }
        return new Imported(ordered(tensors), shapes, config(graph, shapes, source));
    }

    private static String biasFedBy(OnnxGraph graph, String matMulOutput) {
        for (NodeProto add : graph.consumers(matMulOutput)) {
            if (!add.getOpType().equals("Add")) {
                continue;
            }
            for (String in : add.getInputList()) {
                if (!in.equals(matMulOutput) && in.endsWith(".bias") && graph.initializers().containsKey(in)) {
                    return in;
                }
            }
        }
        return null;
    }

    private static ObjectNode config(OnnxGraph graph, Map<String, long[]> shapes, String source) {
        long[] words = require(shapes, "embeddings.word_embeddings.weight", source);
        long hidden = words[1];
        TreeSet<Integer> layers = new TreeSet<>();
        for (String name : shapes.keySet()) {
            Matcher m = LAYER.matcher(name);
            if (m.find()) {
                layers.add(Integer.parseInt(m.group(1)));
            }
        }
        if (layers.isEmpty()) {
            throw new IllegalArgumentException(source + ": no encoder.layer.N tensors: not a BERT export");
        }
        int heads = attentionHeads(graph, hidden, source);
        ObjectNode c = JSON.createObjectNode();
        c.putArray("architectures").add("BertModel");
        c.put("model_type", "bert");
        c.put("attention_probs_dropout_prob", 0.1);
        c.put("hidden_act", activation(graph, source));
        c.put("hidden_dropout_prob", 0.1);
        c.put("hidden_size", hidden);
        c.put("initializer_range", 0.02);
        c.put("intermediate_size", require(shapes, "encoder.layer.0.intermediate.dense.bias", source)[0]);
        c.put("layer_norm_eps", layerNormEps(graph, source));
        c.put("max_position_embeddings", require(shapes, "embeddings.position_embeddings.weight", source)[0]);
        c.put("num_attention_heads", heads);
        c.put("num_hidden_layers", layers.last() + 1);
        c.put("pad_token_id", 0);
        c.put("position_embedding_type", "absolute");
        c.put("type_vocab_size", shapes.containsKey("embeddings.token_type_embeddings.weight")
                ? shapes.get("embeddings.token_type_embeddings.weight")[0] : 0);
        c.put("vocab_size", words[0]);
        c.put("torch_dtype", "float32");
        return c;
    }

    /** Heads from the Reshape that splits layer 0's key projection: its target shape ends in [heads, head size]. */
    private static int attentionHeads(OnnxGraph graph, long hidden, String source) {
        for (NodeProto matMul : graph.nodes()) {
            if (!matMul.getOpType().equals("MatMul") || !matMul.getName().contains("layer.0/attention/self/key")) {
                continue;
            }
            for (NodeProto add : graph.consumers(matMul.getOutput(0))) {
                for (NodeProto reshape : graph.consumers(add.getOutput(0))) {
                    if (!reshape.getOpType().equals("Reshape")) {
                        continue;
                    }
                    NodeProto concat = graph.producer(reshape.getInput(1)).orElse(null);
                    if (concat != null && concat.getOpType().equals("Concat") && concat.getInputCount() == 4) {
                        double[] h = graph.constant(concat.getInput(2)).orElse(new double[0]);
                        double[] s = graph.constant(concat.getInput(3)).orElse(new double[0]);
                        if (h.length == 1 && s.length == 1 && (long) (h[0] * s[0]) == hidden) {
                            return (int) h[0];
                        }
                    }
                    double[] target = graph.constant(reshape.getInput(1)).orElse(new double[0]);
                    if (target.length == 4 && (long) (target[2] * target[3]) == hidden) {
                        return (int) target[2];
                    }
                }
            }
        }
        throw new IllegalArgumentException(source + ": cannot find the attention head count in the graph");
    }

    /** LayerNorm's epsilon: the constant added to the variance before the first Sqrt. */
    private static double layerNormEps(OnnxGraph graph, String source) {
        for (NodeProto n : graph.nodes()) {
            if (n.getOpType().equals("LayerNormalization")) {
                return n.getAttributeList().stream().filter(a -> a.getName().equals("epsilon"))
                        .mapToDouble(a -> a.getF()).findFirst().orElse(1e-5);
            }
            if (n.getOpType().equals("Sqrt")) {
                NodeProto add = graph.producer(n.getInput(0)).orElse(null);
                if (add != null && add.getOpType().equals("Add")) {
                    for (String in : add.getInputList()) {
                        double[] v = graph.constant(in).orElse(new double[0]);
                        if (v.length == 1) {
                            return Double.parseDouble(Float.toString((float) v[0]));
                        }
                    }
                }
            }
        }
        throw new IllegalArgumentException(source + ": cannot find the LayerNorm epsilon in the graph");
    }

    private static String activation(OnnxGraph graph, String source) {
        boolean erf = graph.nodes().stream().anyMatch(n -> n.getOpType().equals("Erf"));
        if (!erf) {
            throw new IllegalArgumentException(source + ": no Erf node: only the exact GELU activation is supported");
        }
        return "gelu";
    }

    private static long[] require(Map<String, long[]> shapes, String name, String source) {
        long[] s = shapes.get(name);
        if (s == null) {
            throw new IllegalArgumentException(source + ": no initializer '" + name + "'");
        }
        return s;
    }

    private static float[] transpose(float[] x, int rows, int cols) {
        float[] out = new float[x.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[c * rows + r] = x[r * cols + c];
            }
        }
        return out;
    }

    /** Embeddings first, then layers in numeric order, then the rest, each group by name. */
    private static Map<String, float[]> ordered(Map<String, float[]> tensors) {
        List<String> names = new ArrayList<>(tensors.keySet());
        names.sort(Comparator.comparingInt(BertOnnxImporter::group).thenComparingInt(BertOnnxImporter::layer)
                .thenComparing(Comparator.naturalOrder()));
        Map<String, float[]> out = new LinkedHashMap<>();
        names.forEach(n -> out.put(n, tensors.get(n)));
        return out;
    }

    private static int group(String name) {
        return name.startsWith("embeddings.") ? 0 : name.startsWith("encoder.") ? 1 : 2;
    }

    private static int layer(String name) {
        Matcher m = LAYER.matcher(name);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /**
     * Writes the Hugging Face folder: {@code config.json}, {@code model.safetensors}, and the tokenizer
     * ({@code tokenizer.json} without fixed truncation and padding, {@code vocab.txt},
     * {@code tokenizer_config.json}, {@code special_tokens_map.json}).
     */
    public static void writeFolder(Imported imported, String tokenizerJson, Path dir) throws IOException {
        AtomicFiles.writeString(dir.resolve("config.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(imported.config()));
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> arrays = new LinkedHashMap<>();
            imported.tensors().forEach((name, values) -> arrays.put(name, m.create(values, new Shape(imported.shapes().get(name)))));
            SafetensorsWriter.write(dir.resolve("model.safetensors"), arrays);
        }
        ObjectNode tok = (ObjectNode) JSON.readTree(tokenizerJson);
        tok.putNull("truncation");
        tok.putNull("padding");
        AtomicFiles.writeString(dir.resolve("tokenizer.json"), JSON.writeValueAsString(tok));
        JsonNode vocab = tok.path("model").path("vocab");
        String[] byId = new String[vocab.size()];
        vocab.fields().forEachRemaining(e -> byId[e.getValue().asInt()] = e.getKey());
        AtomicFiles.writeString(dir.resolve("vocab.txt"), String.join("\n", byId) + "\n");
        boolean lower = tok.path("normalizer").path("lowercase").asBoolean(true);
        ObjectNode specials = JSON.createObjectNode();
        specials.put("cls_token", "[CLS]").put("mask_token", "[MASK]").put("pad_token", "[PAD]").put("sep_token", "[SEP]")
                .put("unk_token", "[UNK]");
        AtomicFiles.writeString(dir.resolve("special_tokens_map.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(specials));
        ObjectNode cfg = specials.deepCopy();
        cfg.put("clean_up_tokenization_spaces", true).put("do_basic_tokenize", true).put("do_lower_case", lower)
                .put("model_max_length", imported.config().get("max_position_embeddings").asInt())
                .put("strip_accents", (String) null).put("tokenize_chinese_chars", true)
                .put("tokenizer_class", "BertTokenizer");
        AtomicFiles.writeString(dir.resolve("tokenizer_config.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(cfg));
    }
}
