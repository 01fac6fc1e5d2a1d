package dev.st4j.encoder;

import dev.st4j.ops.Layers;
import ai.djl.ndarray.NDArray;

/**
 * BERT and its post-LayerNorm relatives that share BERT's parameter names: RoBERTa, XLM-RoBERTa and
 * CamemBERT (which differ only in how positions are numbered).
 */
public final class BertEncoder extends AbstractEncoder {
    private final PositionIds positions;
    private final PostNormLayer layer;

    /** Wraps loaded weights; positions from 0 for BERT, after the padding index for the RoBERTa family. */
    public BertEncoder(EncoderConfig config, EncoderWeights weights) {
        super(config, weights);
        this.positions = config.modelType().equals("bert") ? PositionIds.FROM_ZERO : PositionIds.AFTER_PADDING_IDX;
        this.layer = new PostNormLayer(config, weights, PostNormLayer.Names.BERT, config.layerNormEps());
        weights.get("embeddings.word_embeddings.weight");
    }

    @Override
    public NDArray forward(EncoderInput input, boolean training) {
        NDArray ids = input.inputIds();
        NDArray h = Layers.embedding(ids, weights.get("embeddings.word_embeddings.weight"));
        h = h.add(Layers.embedding(positions.compute(ids, config.padTokenId()), weights.get("embeddings.position_embeddings.weight")));
        NDArray typeTable = weights.find("embeddings.token_type_embeddings.weight");
        if (typeTable != null) {
            NDArray types = input.tokenTypeIds() != null ? input.tokenTypeIds() : ids.zerosLike();
            h = h.add(Layers.embedding(types, typeTable));
        }
        TokenPacking packing = TokenPacking.of(input.attentionMask());
        return layer.encode("encoder.layer.", h, packing, packing.attentionBias(null), training);
    }
}
