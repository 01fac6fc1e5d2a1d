package dev.st4j.encoder;

import dev.st4j.ops.Layers;
import ai.djl.ndarray.NDArray;

/** DistilBERT: BERT without token types, with its own parameter names and a hard-coded LayerNorm eps of 1e-12. */
public final class DistilBertEncoder extends AbstractEncoder {
    private static final double EPS = 1e-12;
    private final PostNormLayer layer;

    /** Wraps loaded weights. */
    public DistilBertEncoder(EncoderConfig config, EncoderWeights weights) {
        super(config, weights);
        this.layer = new PostNormLayer(config, weights, PostNormLayer.Names.DISTILBERT, EPS);
        weights.get("embeddings.word_embeddings.weight");
    }

    @Override
    public NDArray forward(EncoderInput input, boolean training) {
        NDArray ids = input.inputIds();
        NDArray h = Layers.embedding(ids, weights.get("embeddings.word_embeddings.weight"));
        h = h.add(Layers.embedding(PositionIds.FROM_ZERO.compute(ids, 0), weights.get("embeddings.position_embeddings.weight")));
        TokenPacking packing = TokenPacking.of(input.attentionMask());
        return layer.encode("transformer.layer.", h, packing, packing.attentionBias(null), training);
    }
}
