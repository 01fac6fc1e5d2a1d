package dev.st4j.modules;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.st4j.io.AtomicFiles;
import dev.st4j.io.JsonFiles;
import dev.st4j.ops.Layers;
import dev.st4j.safetensors.SafetensorsWriter;
import dev.st4j.tensor.RawTensor;
import dev.st4j.weights.WeightFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A fully connected layer with an activation on the sentence vector (sentence-transformers' {@code Dense}). */
public final class Dense implements SentenceModule {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final NDArray weight;
    private final NDArray bias;
    private final Activation activation;

    private Dense(NDArray weight, NDArray bias, Activation activation) {
        this.weight = weight;
        this.bias = bias;
        this.activation = activation;
    }

    /** Reads a Dense folder ({@code config.json} + its weights in any format) into {@code manager}. */
    public static Dense load(Path dir, NDManager manager) throws IOException {
        JsonNode cfg = JsonFiles.read(dir.resolve("config.json"));
        Activation activation;
        try {
            activation = Activation.parse(cfg.path("activation_function").asText(Activation.TANH.pythonName()));
        } catch (IllegalArgumentException e) {
            throw new IOException(dir.resolve("config.json") + ": " + e.getMessage());
        }
        if (cfg.path("use_residual").asBoolean(false)) {
            throw new IOException(dir.resolve("config.json") + ": use_residual is not supported");
        }
        Map<String, RawTensor> t = WeightFiles.read(dir);
        RawTensor w = t.get("linear.weight");
        if (w == null) {
            throw new IOException(WeightFiles.find(dir).orElse(dir) + ": missing tensor 'linear.weight'");
        }
        RawTensor b = t.get("linear.bias");
        if (cfg.path("bias").asBoolean(true) != (b != null)) {
            throw new IOException(WeightFiles.find(dir).orElse(dir) + ": config.json says bias " + cfg.path("bias").asBoolean(true)
                    + " but the weights " + (b == null ? "have no" : "have a") + " 'linear.bias'");
        }
        return new Dense(w.toNDArray(manager), b == null ? null : b.toNDArray(manager), activation);
    }

    /** The trainable tensors by name. */
    public Map<String, NDArray> parameters() {
        Map<String, NDArray> out = new LinkedHashMap<>();
        out.put("linear.weight", weight);
        if (bias != null) {
            out.put("linear.bias", bias);
        }
        return out;
    }

    /** Output width. */
    public int outputDimension() {
        return (int) weight.getShape().get(0);
    }

    @Override
    public Features forward(Features f, boolean training) {
        NDArray y = Layers.linear(f.sentenceEmbedding(), weight, bias);
        return f.withSentenceEmbedding(activation.apply(y));
    }

    @Override
    public ModuleType type() {
        return ModuleType.DENSE;
    }

    @Override
    public void save(Path dir) throws IOException {
        ObjectNode cfg = JSON.createObjectNode();
        cfg.put("in_features", weight.getShape().get(1));
        cfg.put("out_features", weight.getShape().get(0));
        cfg.put("bias", bias != null);
        cfg.put("activation_function", activation.pythonName());
        AtomicFiles.writeString(dir.resolve("config.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(cfg));
        SafetensorsWriter.write(dir.resolve("model.safetensors"), parameters());
    }
}
