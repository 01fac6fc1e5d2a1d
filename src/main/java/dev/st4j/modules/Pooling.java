package dev.st4j.modules;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.st4j.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Reduces token vectors to one sentence vector; several modes concatenate, in sentence-transformers' order. */
public final class Pooling implements SentenceModule {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final int dimension;
    private final Set<PoolingMode> modes;
    private final boolean includePrompt;

    /** Pooling of {@code dimension}-wide token vectors with the given modes. */
    public Pooling(int dimension, Set<PoolingMode> modes, boolean includePrompt) {
        if (modes.isEmpty()) {
            throw new IllegalArgumentException("pooling needs at least one mode");
        }
        this.dimension = dimension;
        this.modes = EnumSet.copyOf(modes);
        this.includePrompt = includePrompt;
    }

    /** Pooling with a single mode. */
    public static Pooling of(int dimension, PoolingMode mode) {
        return new Pooling(dimension, EnumSet.of(mode), true);
    }

    /** Reads {@code config.json} of a pooling folder. */
    public static Pooling load(Path dir) throws IOException {
        Path file = dir.resolve("config.json");
        JsonNode cfg = JSON.readTree(file.toFile());
        if (cfg == null || !cfg.has("word_embedding_dimension")) {
            throw new IOException(file + ": missing 'word_embedding_dimension'");
        }
        EnumSet<PoolingMode> modes = EnumSet.noneOf(PoolingMode.class);
        for (PoolingMode m : PoolingMode.values()) {
            if (cfg.path(m.configKey()).asBoolean(false)) {
                modes.add(m);
            }
        }
        if (modes.isEmpty()) {
            throw new IOException(file + ": no pooling_mode_* key is true");
        }
        return new Pooling(cfg.get("word_embedding_dimension").asInt(), modes, cfg.path("include_prompt").asBoolean(true));
    }

    /** The enabled modes. */
    public Set<PoolingMode> modes() {
        return EnumSet.copyOf(modes);
    }

    /** Width of the pooled vector. */
    public int outputDimension() {
        return dimension * modes.size();
    }

    @Override
    public Features forward(Features f, boolean training) {
        NDArray h = f.tokenEmbeddings();
        NDArray mask = f.attentionMask().toType(DataType.FLOAT32, false).expandDims(-1);
        List<NDArray> parts = new ArrayList<>();
        for (PoolingMode mode : modes) {
            parts.add(switch (mode) {
                case CLS -> h.get(":, 0, :");
                case MAX -> h.add(mask.neg().add(1f).mul(-1e9f)).max(new int[] {1});
                case MEAN -> h.mul(mask).sum(new int[] {1}).div(mask.sum(new int[] {1}).maximum(1e-9f));
                case MEAN_SQRT_LEN -> h.mul(mask).sum(new int[] {1}).div(mask.sum(new int[] {1}).sqrt());
                case WEIGHTED_MEAN -> weightedMean(h, mask);
                case LAST_TOKEN -> lastToken(h, f.attentionMask());
            });
        }
        NDArray pooled = parts.size() == 1 ? parts.get(0) : NDArrays.concat(new NDList(parts), -1);
        return f.withSentenceEmbedding(pooled);
    }

    private static NDArray weightedMean(NDArray h, NDArray mask) {
        long length = h.getShape().get(1);
        NDArray positions = h.getManager().arange(1f, length + 1f).reshape(1, length, 1);
        NDArray w = mask.mul(positions);
        return h.mul(w).sum(new int[] {1}).div(w.sum(new int[] {1}).maximum(1e-9f));
    }

    private static NDArray lastToken(NDArray h, NDArray attentionMask) {
        NDArray last = attentionMask.sum(new int[] {1}).sub(1).maximum(0).toType(DataType.INT64, false);
        long hidden = h.getShape().get(2);
        NDArray index = last.reshape(-1, 1, 1).repeat(2, hidden);
        return h.gather(index, 1).squeeze(1);
    }

    @Override
    public ModuleType type() {
        return ModuleType.POOLING;
    }

    @Override
    public void save(Path dir) throws IOException {
        ObjectNode cfg = JSON.createObjectNode();
        cfg.put("word_embedding_dimension", dimension);
        for (PoolingMode m : PoolingMode.values()) {
            cfg.put(m.configKey(), modes.contains(m));
        }
        cfg.put("include_prompt", includePrompt);
        AtomicFiles.writeString(dir.resolve("config.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(cfg));
    }
}
