package dev.st4j.encoder;

import ai.djl.ndarray.NDArray;
import com.fasterxml.jackson.databind.JsonNode;
import dev.st4j.ops.Attention;
import dev.st4j.ops.Layers;
import dev.st4j.ops.Rotary;
import dev.st4j.ops.Scopes;

/**
 * Qwen3, the decoder behind Qwen3-Embedding: pre-RMS-norm blocks, causal attention with grouped
 * query heads (key and value heads shared by groups of query heads), RMS norms on each query and key
 * head, rotary positions, and a SiLU-gated feed-forward. Positions count from the first column, as
 * Hugging Face counts them, so left padding (which such models use) only shifts them uniformly.
 */
public final class Qwen3Encoder extends AbstractEncoder {
    private final int kvHeads;
    private final double theta;

    /** Wraps loaded weights (names as {@code Qwen3Model} saves them; a causal-LM's {@code model.} prefix is stripped). */
    public Qwen3Encoder(EncoderConfig config, EncoderWeights weights) {
        super(config, weights);
        JsonNode json = config.json();
        if (json.path("use_sliding_window").asBoolean(false)) {
            throw new IllegalArgumentException("qwen3 with use_sliding_window is not supported");
        }
        kvHeads = config.integer("num_key_value_heads", config.numHeads());
        if (config.numHeads() % kvHeads != 0) {
            throw new IllegalArgumentException("qwen3: num_attention_heads " + config.numHeads() + " is not a multiple of num_key_value_heads " + kvHeads);
        }
        JsonNode p = json.path("rope_parameters").path("rope_theta");
        theta = p.isNumber() ? p.asDouble() : json.path("rope_theta").asDouble(1_000_000.0);
        weights.get("embed_tokens.weight");
    }

    @Override
    public NDArray forward(EncoderInput input, boolean training) {
        NDArray ids = input.inputIds();
        int length = (int) ids.getShape().get(1);
        NDArray h = Layers.embedding(ids, weights.get("embed_tokens.weight"));
        NDArray bias = Attention.causalMask(input.attentionMask());
        Rotary rope = Rotary.of(ids.getManager(), length, config.headSize(), theta);
        for (int i = 0; i < config.numLayers(); i++) {
            String p = "layers." + i + ".";
            h = Scopes.scoped(h, x -> layer(p, x, bias, rope, training));
        }
        return Layers.rmsNorm(h, weights.get("norm.weight"), config.layerNormEps());
    }

    private NDArray layer(String p, NDArray h, NDArray bias, Rotary rope, boolean training) {
        String a = p + "self_attn.";
        NDArray x = Layers.rmsNorm(h, weights.get(p + "input_layernorm.weight"), config.layerNormEps());
        int size = config.headSize();
        NDArray q = rope.apply(headNorm(Attention.splitHeads(linear(x, a + "q_proj"), config.numHeads(), size), a + "q_norm"));
        NDArray k = rope.apply(headNorm(Attention.splitHeads(linear(x, a + "k_proj"), kvHeads, size), a + "k_norm"));
        NDArray v = Attention.splitHeads(linear(x, a + "v_proj"), kvHeads, size);
        int groups = config.numHeads() / kvHeads;
        NDArray context = Attention.attention(q, Attention.repeatKv(k, groups), Attention.repeatKv(v, groups), bias,
                Math.sqrt(size), config.attentionDropout(), training);
        h = h.add(linear(Attention.mergeHeads(context), a + "o_proj"));
        NDArray y = Layers.rmsNorm(h, weights.get(p + "post_attention_layernorm.weight"), config.layerNormEps());
        String m = p + "mlp.";
        NDArray inner = Layers.activation(config.hiddenAct(), linear(y, m + "gate_proj")).mul(linear(y, m + "up_proj"));
        return h.add(linear(inner, m + "down_proj"));
    }

    /** The per-head RMS norm of queries and keys, over (batch, heads, length, size). */
    private NDArray headNorm(NDArray x, String name) {
        return Layers.rmsNorm(x, weights.get(name + ".weight"), config.layerNormEps());
    }

    private NDArray linear(NDArray x, String name) {
        return Layers.linear(x, weights.get(name + ".weight"), weights.find(name + ".bias"));
    }
}
