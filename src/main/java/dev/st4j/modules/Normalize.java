package dev.st4j.modules;

import ai.djl.ndarray.NDArray;
import java.nio.file.Path;

/** Scales each sentence vector to unit L2 length, so that dot product equals cosine similarity. */
public final class Normalize implements SentenceModule {
    @Override
    public Features forward(Features f, boolean training) {
        return f.withSentenceEmbedding(l2Normalize(f.sentenceEmbedding()));
    }

    /** Rows of {@code x} divided by their L2 norm (at least 1e-12), as {@code torch.nn.functional.normalize}. */
    public static NDArray l2Normalize(NDArray x) {
        return x.div(x.norm(new int[] {-1}, true).maximum(1e-12f));
    }

    @Override
    public ModuleType type() {
        return ModuleType.NORMALIZE;
    }

    @Override
    public void save(Path dir) {
        // A Normalize module has no files: its folder alone marks it.
    }
}
