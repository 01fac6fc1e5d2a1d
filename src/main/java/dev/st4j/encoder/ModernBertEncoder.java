package dev.st4j.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import com.fasterxml.jackson.databind.JsonNode;
import dev.st4j.ops.Attention;
import dev.st4j.ops.Layers;
import dev.st4j.ops.Rotary;
import dev.st4j.ops.Scopes;

/**
 * ModernBERT: pre-norm blocks without biases, rotary positions (one base for global layers, another
 * for local ones), local layers attending within a sliding window of {@code local_attention / 2}
 * positions each way, every {@code global_attn_every_n_layers}-th layer (from 0) global, and a GeGLU
 * feed-forward. Computed in the padded layout.
 */
public final class ModernBertEncoder extends AbstractEncoder {
    private final boolean[] global;
    private final int halfWindow;
    private final double globalTheta;
    private final double localTheta;

    /** Wraps loaded weights (names as {@code ModernBertModel} saves them). */
    public ModernBertEncoder(EncoderConfig config, EncoderWeights weights) {
        super(config, weights);
        JsonNode json = config.json();
        global = new boolean[config.numLayers()];
        int every = config.integer("global_attn_every_n_layers", 3);
        for (int i = 0; i < global.length; i++) {
            JsonNode types = json.path("layer_types");
            global[i] = types.isArray() && types.size() == global.length ? types.get(i).asText().equals("full_attention") : i % every == 0;
        }
        halfWindow = config.integer("local_attention", 128) / 2;
        globalTheta = theta(json, "full_attention", "global_rope_theta", 160_000.0);
        localTheta = theta(json, "sliding_attention", "local_rope_theta", 10_000.0);
        weights.get("embeddings.tok_embeddings.weight");
    }

    private static double theta(JsonNode json, String layerType, String legacyKey, double fallback) {
        JsonNode p = json.path("rope_parameters").path(layerType).path("rope_theta");
        return p.isNumber() ? p.asDouble() : json.path(legacyKey).asDouble(fallback);
    }

    @Override
    public NDArray forward(EncoderInput input, boolean training) {
        NDArray ids = input.inputIds();
        NDArray mask = input.attentionMask();
        int length = (int) ids.getShape().get(1);
        NDArray h = Layers.embedding(ids, weights.get("embeddings.tok_embeddings.weight"));
        h = Layers.dropout(norm(h, "embeddings.norm"), (float) config.decimal("embedding_dropout", 0.0), training);
        NDArray globalBias = Attention.additiveMask(mask);
        NDArray localBias = Attention.slidingWindowMask(mask, halfWindow);
        Rotary globalRope = Rotary.of(ids.getManager(), length, config.headSize(), globalTheta);
        Rotary localRope = Rotary.of(ids.getManager(), length, config.headSize(), localTheta);
        for (int i = 0; i < config.numLayers(); i++) {
            String p = "layers." + i + ".";
            boolean isGlobal = global[i];
            boolean first = i == 0;
            h = Scopes.scoped(h, x -> layer(p, x, first, isGlobal ? globalBias : localBias, isGlobal ? globalRope : localRope, training));
        }
        return norm(h, "final_norm");
    }

    private NDArray layer(String p, NDArray h, boolean first, NDArray bias, Rotary rope, boolean training) {
        NDArray x = first ? h : norm(h, p + "attn_norm");
        NDList qkv = Attention.splitQkv(linear(x, p + "attn.Wqkv"), config.numHeads(), config.headSize());
        NDArray q = rope.apply(qkv.get(0));
        NDArray k = rope.apply(qkv.get(1));
        NDArray context = Attention.attention(q, k, qkv.get(2), bias, Math.sqrt(config.headSize()), config.attentionDropout(), training);
        NDArray attn = Layers.dropout(linear(Attention.mergeHeads(context), p + "attn.Wo"), config.attentionDropout(), training);
        h = h.add(attn);
        NDArray wi = linear(norm(h, p + "mlp_norm"), p + "mlp.Wi");
        NDList parts = wi.split(2, wi.getShape().dimension() - 1);
        NDArray inner = Layers.activation(config.hiddenAct(), parts.get(0)).mul(parts.get(1));
        return h.add(linear(Layers.dropout(inner, config.hiddenDropout(), training), p + "mlp.Wo"));
    }

    private NDArray norm(NDArray x, String name) {
        return Layers.layerNorm(x, weights.get(name + ".weight"), weights.find(name + ".bias"), config.layerNormEps());
    }

    private NDArray linear(NDArray x, String name) {
        return Layers.linear(x, weights.get(name + ".weight"), weights.find(name + ".bias"));
    }
}
