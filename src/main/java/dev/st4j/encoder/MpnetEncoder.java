package dev.st4j.encoder;

import dev.st4j.ops.Layers;
import ai.djl.ndarray.NDArray;

/**
 * MPNet: BERT-like layers with a relative-position attention bias, shared by every layer, and
 * RoBERTa-style position ids.
 */
public final class MpnetEncoder extends AbstractEncoder {
    private static final int MAX_DISTANCE = 128;
    private final PostNormLayer layer;

    /** Wraps loaded weights. */
    public MpnetEncoder(EncoderConfig config, EncoderWeights weights) {
        super(config, weights);
        this.layer = new PostNormLayer(config, weights, PostNormLayer.Names.MPNET, config.layerNormEps());
        weights.get("encoder.relative_attention_bias.weight");
    }

    @Override
    public NDArray forward(EncoderInput input, boolean training) {
        NDArray ids = input.inputIds();
        NDArray h = Layers.embedding(ids, weights.get("embeddings.word_embeddings.weight"));
        h = h.add(Layers.embedding(PositionIds.AFTER_PADDING_IDX.compute(ids, config.padTokenId()),
                weights.get("embeddings.position_embeddings.weight")));
        int length = (int) ids.getShape().get(1);
        NDArray bias = RelativePositionBuckets.bias(ids.getManager(), weights.get("encoder.relative_attention_bias.weight"),
                        length, config.relativeAttentionNumBuckets(), MAX_DISTANCE);
        TokenPacking packing = TokenPacking.of(input.attentionMask());
        return layer.encode("encoder.layer.", h, packing, packing.attentionBias(bias), training);
    }
}
