package dev.st4j.encoder;

import dev.st4j.ops.Attention;
import dev.st4j.ops.Layers;
import dev.st4j.ops.Scopes;
import ai.djl.ndarray.NDArray;

/**
 * The encoder half of T5 (and mT5): pre-RMS-norm blocks without biases, no attention scaling, and a
 * relative-position bias that block 0 computes and every block reuses. Feed-forward is ReLU (T5 v1.0)
 * or gated GELU (v1.1, {@code feed_forward_proj = gated-gelu}). Per-token work runs on real tokens only
 * ({@link TokenPacking}).
 */
public final class T5Encoder extends AbstractEncoder {
    private final String embeddingName;

    /** Wraps loaded weights; the token table is {@code shared.weight} or {@code encoder.embed_tokens.weight}. */
    public T5Encoder(EncoderConfig config, EncoderWeights weights) {
        super(config, weights);
        this.embeddingName = weights.all().containsKey("shared.weight") ? "shared.weight" : "encoder.embed_tokens.weight";
        weights.get(embeddingName);
    }

    @Override
    public NDArray forward(EncoderInput input, boolean training) {
        NDArray ids = input.inputIds();
        TokenPacking packing = TokenPacking.of(input.attentionMask());
        NDArray h = Layers.dropout(packing.pack(Layers.embedding(ids, weights.get(embeddingName))), config.hiddenDropout(), training);
        int length = (int) ids.getShape().get(1);
        NDArray bias = packing.attentionBias(RelativePositionBuckets.bias(ids.getManager(),
                weights.get("encoder.block.0.layer.0.SelfAttention.relative_attention_bias.weight"), length,
                config.relativeAttentionNumBuckets(), config.relativeAttentionMaxDistance()));
        for (int i = 0; i < config.numLayers(); i++) {
            String prefix = "encoder.block." + i + ".";
            h = Scopes.scoped(h, x -> block(prefix, x, packing, bias, training));
        }
        h = Layers.rmsNorm(h, weights.get("encoder.final_layer_norm.weight"), config.layerNormEps());
        return packing.unpackWithZeros(Layers.dropout(h, config.hiddenDropout(), training));
    }

    private NDArray block(String p, NDArray h, TokenPacking packing, NDArray bias, boolean training) {
        String a = p + "layer.0.SelfAttention.";
        NDArray normed = Layers.rmsNorm(h, weights.get(p + "layer.0.layer_norm.weight"), config.layerNormEps());
        int heads = config.numHeads();
        int size = config.headSize();
        NDArray q = Attention.splitHeads(packing.unpack(linear(normed, a + "q")), heads, size);
        NDArray k = Attention.splitHeads(packing.unpack(linear(normed, a + "k")), heads, size);
        NDArray v = Attention.splitHeads(packing.unpack(linear(normed, a + "v")), heads, size);
        NDArray context = packing.pack(Attention.mergeHeads(Attention.attention(q, k, v, bias, 1.0, config.attentionDropout(), training)));
        h = h.add(Layers.dropout(linear(context, a + "o"), config.hiddenDropout(), training));
        String f = p + "layer.1.DenseReluDense.";
        NDArray x = Layers.rmsNorm(h, weights.get(p + "layer.1.layer_norm.weight"), config.layerNormEps());
        NDArray inner;
        if (config.hiddenAct().startsWith("gated-")) {
            String act = config.hiddenAct().substring("gated-".length());
            inner = Layers.activation(act.equals("gelu") ? "gelu_new" : act, linear(x, f + "wi_0")).mul(linear(x, f + "wi_1"));
        } else {
            inner = Layers.activation(config.hiddenAct(), linear(x, f + "wi"));
        }
        inner = Layers.dropout(inner, config.hiddenDropout(), training);
        return h.add(Layers.dropout(linear(inner, f + "wo"), config.hiddenDropout(), training));
    }

    private NDArray linear(NDArray x, String name) {
        return Layers.linear(x, weights.get(name + ".weight"), null);
    }
}
