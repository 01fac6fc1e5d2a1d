package dev.st4j.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.st4j.tensor.RawTensor;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The named tensors of one encoder, under the base model's own names (a task head's prefix such as
 * {@code bert.} is stripped on load). Tensors the encoder does not use, such as a pooler, are kept so
 * that saving writes them back; only the ones it uses are trained.
 */
public final class EncoderWeights {
    private final String source;
    private final Map<String, NDArray> tensors;
    private final Set<String> used = new LinkedHashSet<>();

    EncoderWeights(String source, Map<String, NDArray> tensors) {
        this.source = source;
        this.tensors = tensors;
    }

    /**
     * Takes the tensors of a weight file, strips the prefix in front of {@code anchor} (the name of a
     * tensor every checkpoint of the architecture has), drops tensors outside the base model, and
     * creates the rest in {@code manager} (floating ones as float32).
     *
     * @param source names the weights in messages
     */
    public static EncoderWeights load(String source, Map<String, RawTensor> raw, NDManager manager, String anchor,
            Set<String> prefixesToDrop) {
        raw = legacyNormNames(raw);
        String prefix = raw.keySet().stream()
                .filter(k -> k.endsWith(anchor))
                .map(k -> k.substring(0, k.length() - anchor.length()))
                .min(Comparator.comparingInt(String::length))
                .orElseThrow(() -> new IllegalArgumentException(source + ": no tensor '" + anchor
                        + "': this is not a checkpoint of the architecture its config.json names"));
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (Map.Entry<String, RawTensor> e : raw.entrySet()) {
            String key = e.getKey();
            boolean keep = key.startsWith(prefix)
                    && prefixesToDrop.stream().noneMatch(p -> key.substring(prefix.length()).startsWith(p));
            if (keep) {
                String name = key.substring(prefix.length());
                NDArray a = e.getValue().toNDArray(manager);
                a.setName(name);
                out.put(name, a);
            }
        }
        return new EncoderWeights(source, out);
    }

    /**
     * The names with the original BERT checkpoints' {@code LayerNorm.gamma}/{@code LayerNorm.beta}
     * written as {@code LayerNorm.weight}/{@code LayerNorm.bias}, as transformers renames them on load.
     */
    private static Map<String, RawTensor> legacyNormNames(Map<String, RawTensor> raw) {
        if (raw.keySet().stream().noneMatch(k -> k.endsWith("LayerNorm.gamma") || k.endsWith("LayerNorm.beta"))) {
            return raw;
        }
        Map<String, RawTensor> out = new LinkedHashMap<>();
        raw.forEach((k, v) -> out.put(k.endsWith("LayerNorm.gamma") ? k.substring(0, k.length() - 5) + "weight"
                : k.endsWith("LayerNorm.beta") ? k.substring(0, k.length() - 4) + "bias" : k, v));
        return out;
    }

    /** The tensor {@code name}; marks it as used by the forward pass. */
    public NDArray get(String name) {
        NDArray a = tensors.get(name);
        if (a == null) {
            throw new IllegalArgumentException(source + ": missing tensor '" + name + "'");
        }
        used.add(name);
        return a;
    }

    /** The tensor {@code name} if present (marked as used), else null. */
    public NDArray find(String name) {
        return tensors.containsKey(name) ? get(name) : null;
    }

    /** Every tensor, in file order, for saving. */
    public Map<String, NDArray> all() {
        return Collections.unmodifiableMap(tensors);
    }

    /** The tensors the forward pass uses: the trainable parameters. */
    public Map<String, NDArray> used() {
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (String name : used) {
            out.put(name, tensors.get(name));
        }
        return out;
    }
}
