package dev.st4j.encoder;

import ai.djl.ndarray.NDArray;

/**
 * MPNet: BERT-like layers with a relative-position attention bias, shared by every layer, and
 * RoBERTa-style position ids.
 */
public final class MpnetEncoder implements Encoder {
    private static final int MAX_DISTANCE = 128;
    private final EncoderConfig config;
    private final EncoderWeights weights;

    /** Wraps loaded weights. */
    public MpnetEncoder(EncoderConfig config, EncoderWeights weights) {
        this.config = config;
        this.weights = weights;
        weights.get("encoder.relative_attention_bias.weight");
    }

    @Override
    public NDArray forward(EncoderInput input, boolean training) {
        NDArray ids = input.inputIds();
        NDArray h = NnOps.embedding(ids, weights.get("embeddings.word_embeddings.weight"));
        h = h.add(NnOps.embedding(PositionIds.AFTER_PADDING_IDX.compute(ids, config.padTokenId()),
                weights.get("embeddings.position_embeddings.weight")));
        h = layerNorm(h, "embeddings.LayerNorm");
        h = NnOps.dropout(h, config.hiddenDropout(), training);
        int length = (int) ids.getShape().get(1);
        NDArray bias = RelativePositionBuckets.bias(ids.getManager(), weights.get("encoder.relative_attention_bias.weight"),
                        length, config.relativeAttentionNumBuckets(), MAX_DISTANCE)
                .add(NnOps.additiveMask(input.attentionMask()));
        for (int i = 0; i < config.numLayers(); i++) {
            String prefix = "encoder.layer." + i + ".";
            h = NnOps.scoped(h, x -> layer(prefix, x, bias, training));
        }
        return h;
    }

    private NDArray layer(String p, NDArray h, NDArray bias, boolean training) {
        int heads = config.numHeads();
        int size = config.headSize();
        String a = p + "attention.attn.";
        NDArray q = NnOps.splitHeads(linear(h, a + "q"), heads, size);
        NDArray k = NnOps.splitHeads(linear(h, a + "k"), heads, size);
        NDArray v = NnOps.splitHeads(linear(h, a + "v"), heads, size);
        NDArray context = NnOps.mergeHeads(
                NnOps.attention(q, k, v, bias, Math.sqrt(size), config.attentionDropout(), training));
        NDArray attended = NnOps.dropout(linear(context, a + "o"), config.hiddenDropout(), training);
        NDArray h1 = layerNorm(attended.add(h), p + "attention.LayerNorm");
        NDArray inner = NnOps.activation(config.hiddenAct(), linear(h1, p + "intermediate.dense"));
        NDArray out = NnOps.dropout(linear(inner, p + "output.dense"), config.hiddenDropout(), training);
        return layerNorm(out.add(h1), p + "output.LayerNorm");
    }

    private NDArray linear(NDArray x, String name) {
        return NnOps.linear(x, weights.get(name + ".weight"), weights.get(name + ".bias"));
    }

    private NDArray layerNorm(NDArray x, String name) {
        return NnOps.layerNorm(x, weights.get(name + ".weight"), weights.get(name + ".bias"), config.layerNormEps());
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
