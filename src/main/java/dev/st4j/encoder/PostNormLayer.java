package dev.st4j.encoder;

import dev.st4j.ops.Attention;
import dev.st4j.ops.Layers;
import dev.st4j.ops.Scopes;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * One post-LayerNorm transformer layer (self-attention, add and norm, feed-forward, add and norm) as
 * BERT, RoBERTa, MPNet and DistilBERT share it; only their parameter names and one dropout differ,
 * and {@link Names} carries those. Per-token work runs on real tokens only ({@link TokenPacking}).
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

    /**
     * Runs layer {@code prefix} (e.g. {@code encoder.layer.3.}) on packed hidden states {@code h}, (real
     * tokens, hidden), with the additive attention {@code bias} (null for none).
     */
    NDArray forward(String prefix, NDArray h, TokenPacking packing, NDArray bias, boolean training) {
        int heads = config.numHeads();
        int size = config.headSize();
        NDList qkv = Attention.splitQkv(packing.unpack(queryKeyValue(h, prefix)), heads, size);
        NDArray attention = Attention.attention(qkv.get(0), qkv.get(1), qkv.get(2), bias, Math.sqrt(size), config.attentionDropout(),
                training);
        NDArray attended = linear(packing.pack(Attention.mergeHeads(attention)), prefix + names.attentionOutput());
        if (names.dropoutAfterAttention()) {
            attended = Layers.dropout(attended, config.hiddenDropout(), training);
        }
        NDArray h1 = layerNorm(attended.add(h), prefix + names.attentionNorm());
        NDArray inner = Layers.activation(config.hiddenAct(), linear(h1, prefix + names.ffnIn()));
        NDArray out = Layers.dropout(linear(inner, prefix + names.ffnOut()), config.hiddenDropout(), training);
        return layerNorm(out.add(h1), prefix + names.outputNorm());
    }

    /**
     * The whole encoder after the embedding lookup: {@code embeddingSum} (batch, length, hidden) →
     * LayerNorm and dropout → every layer {@code prefix + i + "."}, each in its own scope so its
     * intermediates are freed as it ends → last hidden state, with zeros at padded positions.
     */
    NDArray encode(String prefix, NDArray embeddingSum, TokenPacking packing, NDArray bias, boolean training) {
        NDArray h = Layers.dropout(layerNorm(packing.pack(embeddingSum), "embeddings.LayerNorm"), config.hiddenDropout(), training);
        for (int i = 0; i < config.numLayers(); i++) {
            String layerPrefix = prefix + i + ".";
            h = Scopes.scoped(h, x -> forward(layerPrefix, x, packing, bias, training));
        }
        return packing.unpackWithZeros(h);
    }

    /** Query, key and value projections as one matrix product, (tokens, 3·hidden). */
    private NDArray queryKeyValue(NDArray h, String prefix) {
        String[] parts = {prefix + names.query(), prefix + names.key(), prefix + names.value()};
        NDManager owner = h.getManager();
        NDArray w = Scopes.concatRows(owner, weights.get(parts[0] + ".weight"), weights.get(parts[1] + ".weight"),
                weights.get(parts[2] + ".weight"));
        NDArray b = Scopes.concatRows(owner, weights.get(parts[0] + ".bias"), weights.get(parts[1] + ".bias"),
                weights.get(parts[2] + ".bias"));
        return Layers.linear(h, w, b);
    }

    private NDArray linear(NDArray x, String name) {
        return Layers.linear(x, weights.get(name + ".weight"), weights.get(name + ".bias"));
    }

    private NDArray layerNorm(NDArray x, String name) {
        return Layers.layerNorm(x, weights.get(name + ".weight"), weights.get(name + ".bias"), layerNormEps);
    }
}
