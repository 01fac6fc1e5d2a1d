package dev.st4j.modules;

import dev.st4j.ops.Cosine;
import java.nio.file.Path;

/** Scales each sentence vector to unit L2 length, so that dot product equals cosine similarity. */
public final class Normalize implements SentenceModule {
    @Override
    public Features forward(Features f, boolean training) {
        return f.withSentenceEmbedding(Cosine.l2Normalize(f.sentenceEmbedding()));
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
