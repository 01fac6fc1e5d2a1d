package dev.st4j.encoder;

import ai.djl.ndarray.NDArray;

/** DistilBERT: BERT without token types, with its own parameter names and a hard-coded LayerNorm eps of 1e-12. */
public final class DistilBertEncoder implements Encoder {
    private static final double EPS = 1e-12;
    private final EncoderConfig config;
    private final EncoderWeights weights;

    /** Wraps loaded weights. */
    public DistilBertEncoder(EncoderConfig config, EncoderWeights weights) {
        this.config = config;
        this.weights = weights;
        weights.get("embeddings.word_embeddings.weight");
    }

    @Override
    public NDArray forward(EncoderInput input, boolean training) {
        NDArray ids = input.inputIds();
        NDArray h = NnOps.embedding(ids, weights.get("embeddings.word_embeddings.weight"));
        h = h.add(NnOps.embedding(PositionIds.FROM_ZERO.compute(ids, 0), weights.get("embeddings.position_embeddings.weight")));
        h = layerNorm(h, "embeddings.LayerNorm");
        h = NnOps.dropout(h, config.hiddenDropout(), training);
        NDArray mask = NnOps.additiveMask(input.attentionMask());
        for (int i = 0; i < config.numLayers(); i++) {
            String prefix = "transformer.layer." + i + ".";
            h = NnOps.scoped(h, x -> layer(prefix, x, mask, training));
        }
        return h;
    }

    private NDArray layer(String p, NDArray h, NDArray mask, boolean training) {
        int heads = config.numHeads();
        int size = config.headSize();
        String a = p + "attention.";
        NDArray q = NnOps.splitHeads(linear(h, a + "q_lin"), heads, size).div(Math.sqrt(size));
        NDArray k = NnOps.splitHeads(linear(h, a + "k_lin"), heads, size);
        NDArray v = NnOps.splitHeads(linear(h, a + "v_lin"), heads, size);
        NDArray context = NnOps.mergeHeads(NnOps.attention(q, k, v, mask, 1.0, config.attentionDropout(), training));
        NDArray h1 = layerNorm(linear(context, a + "out_lin").add(h), p + "sa_layer_norm");
        NDArray inner = NnOps.activation(config.hiddenAct(), linear(h1, p + "ffn.lin1"));
        NDArray out = NnOps.dropout(linear(inner, p + "ffn.lin2"), config.hiddenDropout(), training);
        return layerNorm(out.add(h1), p + "output_layer_norm");
    }

    private NDArray linear(NDArray x, String name) {
        return NnOps.linear(x, weights.get(name + ".weight"), weights.get(name + ".bias"));
    }

    private NDArray layerNorm(NDArray x, String name) {
        return NnOps.layerNorm(x, weights.get(name + ".weight"), weights.get(name + ".bias"), EPS);
    }

    @Override
    public EncoderConfig config() {
        return config;
    }

    @Override
    public EncoderWeights weights() {
        return weights;
    }
}
