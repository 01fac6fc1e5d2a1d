package dev.st4j.encoder;

import ai.djl.ndarray.NDArray;

/**
 * One post-LayerNorm transformer layer (self-attention, add and norm, feed-forward, add and norm) as
 * BERT, RoBERTa, MPNet and DistilBERT share it; only their parameter names and one dropout differ,
 * and {@link Names} carries those.
 */
final class PostNormLayer {
    /**
     * Where a layer's tensors live, relative to the layer's prefix.
     *
     * @param dropoutAfterAttention whether the attention output goes through dropout before the residual (not in DistilBERT)
     */
    record Names(String query, String key, String value, String attentionOutput, String attentionNorm, String ffnIn,
            String ffnOut, String outputNorm, boolean dropoutAfterAttention) {
        static final Names BERT = new Names("attention.self.query", "attention.self.key", "attention.self.value",
                "attention.output.dense", "attention.output.LayerNorm", "intermediate.dense", "output.dense", "output.LayerNorm", true);
        static final Names MPNET = new Names("attention.attn.q", "attention.attn.k", "attention.attn.v", "attention.attn.o",
                "attention.LayerNorm", "intermediate.dense", "output.dense", "output.LayerNorm", true);
        static final Names DISTILBERT = new Names("attention.q_lin", "attention.k_lin", "attention.v_lin", "attention.out_lin",
                "sa_layer_norm", "ffn.lin1", "ffn.lin2", "output_layer_norm", false);
    }

    private final EncoderConfig config;
    private final EncoderWeights weights;
    private final Names names;
    private final double layerNormEps;

    PostNormLayer(EncoderConfig config, EncoderWeights weights, Names names, double layerNormEps) {
        this.config = config;
        this.weights = weights;
        this.names = names;
        this.layerNormEps = layerNormEps;
    }

    /** Runs layer {@code prefix} (e.g. {@code encoder.layer.3.}) on {@code h} with the additive attention {@code bias}. */
    NDArray forward(String prefix, NDArray h, NDArray bias, boolean training) {
        int heads = config.numHeads();
        int size = config.headSize();
        NDArray q = NnOps.splitHeads(linear(h, prefix + names.query()), heads, size);
        NDArray k = NnOps.splitHeads(linear(h, prefix + names.key()), heads, size);
        NDArray v = NnOps.splitHeads(linear(h, prefix + names.value()), heads, size);
        NDArray context = NnOps.mergeHeads(NnOps.attention(q, k, v, bias, Math.sqrt(size), config.attentionDropout(), training));
        NDArray attended = linear(context, prefix + names.attentionOutput());
        if (names.dropoutAfterAttention()) {
            attended = NnOps.dropout(attended, config.hiddenDropout(), training);
        }
        NDArray h1 = layerNorm(attended.add(h), prefix + names.attentionNorm());
        NDArray inner = NnOps.activation(config.hiddenAct(), linear(h1, prefix + names.ffnIn()));
        NDArray out = NnOps.dropout(linear(inner, prefix + names.ffnOut()), config.hiddenDropout(), training);
        return layerNorm(out.add(h1), prefix + names.outputNorm());
    }

    /** Runs every layer, {@code prefix + i + "."}, each in its own scope so its intermediates are freed as it ends. */
    NDArray stack(String prefix, NDArray h, NDArray bias, boolean training) {
        for (int i = 0; i < config.numLayers(); i++) {
            String layerPrefix = prefix + i + ".";
            h = NnOps.scoped(h, x -> forward(layerPrefix, x, bias, training));
        }
        return h;
    }

    /** Embedding sum → LayerNorm → dropout, with the embedding LayerNorm's eps. */
    NDArray normalizeEmbeddings(NDArray sum, boolean training) {
        NDArray h = layerNorm(sum, "embeddings.LayerNorm");
        return NnOps.dropout(h, config.hiddenDropout(), training);
    }

    private NDArray linear(NDArray x, String name) {
        return NnOps.linear(x, weights.get(name + ".weight"), weights.get(name + ".bias"));
    }

    private NDArray layerNorm(NDArray x, String name) {
        return NnOps.layerNorm(x, weights.get(name + ".weight"), weights.get(name + ".bias"), layerNormEps);
    }
}
