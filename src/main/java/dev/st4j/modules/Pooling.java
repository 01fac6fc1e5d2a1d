package dev.st4j.modules;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.st4j.io.AtomicFiles;
import dev.st4j.io.JsonFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Reduces token vectors to one sentence vector (sentence-transformers' {@code Pooling}); several modes
 * concatenate in the order given. With {@code include_prompt} false, the prompt's tokens are left out.
 * Reads both config layouts: {@code pooling_mode} (a name or a list) with {@code embedding_dimension}
 * (sentence-transformers 5.4 and later), and the older {@code pooling_mode_*} booleans with
 * {@code word_embedding_dimension}.
 */
public final class Pooling implements SentenceModule {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final int dimension;
    private final List<PoolingMode> modes;
    private final boolean includePrompt;

    /** Pooling of {@code dimension}-wide token vectors with the given modes, in output order. */
    public Pooling(int dimension, List<PoolingMode> modes, boolean includePrompt) {
        if (modes.isEmpty()) {
            throw new IllegalArgumentException("pooling needs at least one mode");
        }
        if (new LinkedHashSet<>(modes).size() != modes.size()) {
            throw new IllegalArgumentException("pooling modes repeat: " + modes);
        }
        this.dimension = dimension;
        this.modes = List.copyOf(modes);
        this.includePrompt = includePrompt;
    }

    /** Pooling with a single mode. */
    public static Pooling of(int dimension, PoolingMode mode) {
        return new Pooling(dimension, List.of(mode), true);
    }

    /** Reads {@code config.json} of a pooling folder, in either layout. */
    public static Pooling load(Path dir) throws IOException {
        Path file = dir.resolve("config.json");
        JsonNode cfg = JsonFiles.read(file);
        if (cfg == null || !cfg.isObject()) {
            throw new IOException(file + ": expected a JSON object");
        }
        JsonNode dim = cfg.has("embedding_dimension") ? cfg.get("embedding_dimension") : cfg.get("word_embedding_dimension");
        if (dim == null || !dim.canConvertToInt() || dim.asInt() <= 0) {
            throw new IOException(file + ": missing or invalid 'embedding_dimension' (or 'word_embedding_dimension')");
        }
        List<PoolingMode> modes = new ArrayList<>();
        JsonNode mode = cfg.get("pooling_mode");
        try {
            if (mode != null && mode.isTextual()) {
                modes.add(PoolingMode.parse(mode.asText()));
            } else if (mode != null && mode.isArray()) {
                mode.forEach(m -> modes.add(PoolingMode.parse(m.asText())));
            } else {
                Arrays.stream(PoolingMode.values()).filter(m -> cfg.path(m.configKey()).asBoolean(false)).forEach(modes::add);
            }
            if (modes.isEmpty()) {
                modes.add(PoolingMode.MEAN);
            }
            return new Pooling(dim.asInt(), modes, cfg.path("include_prompt").asBoolean(true));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage());
        }
    }

    /** The modes, in output order. */
    public List<PoolingMode> modes() {
        return modes;
    }

    /** Whether prompt tokens count. */
    public boolean includePrompt() {
        return includePrompt;
    }

    /** Width of the pooled vector. */
    public int outputDimension() {
        return dimension * modes.size();
    }

    @Override
    public Features forward(Features f, boolean training) {
        NDArray h = f.tokenEmbeddings();
        int skip = includePrompt ? 0 : f.promptLength();
        NDArray kept = promptless(f.attentionMask(), skip);
        NDArray mask = kept.toType(DataType.FLOAT32, false).expandDims(-1);
        List<NDArray> parts = new ArrayList<>();
        for (PoolingMode mode : modes) {
            parts.add(switch (mode) {
                case CLS -> tokenAt(h, kept.argMax(1));
                case MAX -> h.add(mask.sub(1f).mul(Float.MAX_VALUE)).max(new int[] {1});
                case MEAN -> h.mul(mask).sum(new int[] {1}).div(mask.sum(new int[] {1}).maximum(1e-9f));
                case MEAN_SQRT_LEN -> h.mul(mask).sum(new int[] {1}).div(mask.sum(new int[] {1}).maximum(1e-9f).sqrt());
                case WEIGHTED_MEAN -> weightedMean(h, mask);
                case LAST_TOKEN -> tokenAt(h, lastAttended(f.attentionMask()));
            });
        }
        NDArray pooled = parts.size() == 1 ? parts.get(0) : NDArrays.concat(new NDList(parts), -1);
        return f.withSentenceEmbedding(pooled);
    }

    /** The mask with each row's first {@code skip} real tokens cleared (after any left padding), as Python excludes a prompt. */
    private static NDArray promptless(NDArray attentionMask, int skip) {
        if (skip <= 0) {
            return attentionMask;
        }
        long length = attentionMask.getShape().get(1);
        NDArray positions = attentionMask.getManager().arange(0, (int) length).toType(DataType.INT64, false).reshape(1, length);
        NDArray firstReal = attentionMask.argMax(1).reshape(-1, 1);
        NDArray keep = positions.gte(firstReal.add(skip)).toType(attentionMask.getDataType(), false);
        return attentionMask.mul(keep);
    }

    private static NDArray weightedMean(NDArray h, NDArray mask) {
        long length = h.getShape().get(1);
        NDArray positions = h.getManager().arange(1f, length + 1f).reshape(1, length, 1);
        NDArray w = mask.mul(positions);
        return h.mul(w).sum(new int[] {1}).div(w.sum(new int[] {1}).maximum(1e-9f));
    }

    /** Each row's last attended position: its last real token under right or left padding. */
    private static NDArray lastAttended(NDArray attentionMask) {
        long length = attentionMask.getShape().get(1);
        return attentionMask.flip(1).argMax(1).neg().add(length - 1);
    }

    /** The token vector at {@code index[b]} of each row {@code b}: (batch, hidden). */
    private static NDArray tokenAt(NDArray h, NDArray index) {
        long hidden = h.getShape().get(2);
        return h.gather(index.toType(DataType.INT64, false).reshape(-1, 1, 1).repeat(2, hidden), 1).squeeze(1);
    }

    @Override
    public ModuleType type() {
        return ModuleType.POOLING;
    }

    /**
     * Writes the layout every sentence-transformers release reads ({@code word_embedding_dimension} and
     * the {@code pooling_mode_*} booleans); modes in an order the booleans cannot express are written
     * in the newer layout ({@code embedding_dimension}, {@code pooling_mode} list).
     */
    @Override
    public void save(Path dir) throws IOException {
        ObjectNode cfg = JSON.createObjectNode();
        List<PoolingMode> canonical = Arrays.stream(PoolingMode.values()).filter(modes::contains).toList();
        if (canonical.equals(modes)) {
            cfg.put("word_embedding_dimension", dimension);
            for (PoolingMode m : PoolingMode.values()) {
                cfg.put(m.configKey(), modes.contains(m));
            }
        } else {
            cfg.put("embedding_dimension", dimension);
            ArrayNode list = cfg.putArray("pooling_mode");
            modes.forEach(m -> list.add(m.shortName()));
        }
        cfg.put("include_prompt", includePrompt);
        AtomicFiles.writeString(dir.resolve("config.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(cfg));
    }
}
