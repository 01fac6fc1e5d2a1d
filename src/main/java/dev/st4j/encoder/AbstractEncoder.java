package dev.st4j.encoder;

/** What every encoder holds: its configuration and its tensors. */
abstract class AbstractEncoder implements Encoder {
    protected final EncoderConfig config;
    protected final EncoderWeights weights;

    AbstractEncoder(EncoderConfig config, EncoderWeights weights) {
        this.config = config;
        this.weights = weights;
    }

    @Override
    public final EncoderConfig config() {
        return config;
    }

    @Override
    public final EncoderWeights weights() {
        return weights;
    }
}
