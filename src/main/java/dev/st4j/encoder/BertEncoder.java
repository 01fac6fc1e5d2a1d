package dev.st4j.encoder;

import ai.djl.ndarray.NDArray;

/**
 * BERT and its post-LayerNorm relatives that share BERT's parameter names: RoBERTa, XLM-RoBERTa and
 * CamemBERT (which differ only in how positions are numbered).
 */
public final class BertEncoder implements Encoder {
    private final EncoderConfig config;
    private final EncoderWeights weights;
    private final PositionIds positions;

    /** Wraps loaded weights; positions from 0 for BERT, after the padding index for the RoBERTa family. */
    public BertEncoder(EncoderConfig config, EncoderWeights weights) {
        this.config = config;
        this.weights = weights;
        this.positions = config.modelType().equals("bert") ? PositionIds.FROM_ZERO : PositionIds.AFTER_PADDING_IDX;
        forwardParametersCheck();
    }

    private void forwardParametersCheck() {
        weights.get("embeddings.word_embeddings.weight");
        for (int i = 0; i < config.numLayers(); i++) {
            weights.get("encoder.layer." + i + ".output.LayerNorm.bias");
        }
    }

    @Override
    public NDArray forward(EncoderInput input, boolean training) {
        NDArray ids = input.inputIds();
        NDArray h = NnOps.embedding(ids, weights.get("embeddings.word_embeddings.weight"));
        h = h.add(NnOps.embedding(positions.compute(ids, config.padTokenId()),
                weights.get("embeddings.position_embeddings.weight")));
        NDArray typeTable = weights.find("embeddings.token_type_embeddings.weight");
        if (typeTable != null) {
            NDArray types = input.tokenTypeIds() != null ? input.tokenTypeIds() : ids.zerosLike();
            h = h.add(NnOps.embedding(types, typeTable));
        }
        h = NnOps.layerNorm(h, weights.get("embeddings.LayerNorm.weight"), weights.get("embeddings.LayerNorm.bias"),
                config.layerNormEps());
        h = NnOps.dropout(h, config.hiddenDropout(), training);
        NDArray mask = NnOps.additiveMask(input.attentionMask());
        for (int i = 0; i < config.numLayers(); i++) {
            String prefix = "encoder.layer." + i + ".";
            h = NnOps.scoped(h, x -> layer(prefix, x, mask, training));
        }
        return h;
    }

    private NDArray layer(String p, NDArray h, NDArray mask, boolean training) {
        int heads = config.numHeads();
        int size = config.headSize();
        String a = p + "attention.self.";
        NDArray q = NnOps.splitHeads(linear(h, a + "query"), heads, size);
        NDArray k = NnOps.splitHeads(linear(h, a + "key"), heads, size);
        NDArray v = NnOps.splitHeads(linear(h, a + "value"), heads, size);
        NDArray context = NnOps.mergeHeads(
                NnOps.attention(q, k, v, mask, Math.sqrt(size), config.attentionDropout(), training));
        NDArray attended = NnOps.dropout(linear(context, p + "attention.output.dense"), config.hiddenDropout(), training);
        NDArray h1 = layerNorm(attended.add(h), p + "attention.output.LayerNorm");
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
