package dev.st4j.modules;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One stage after the transformer in a sentence-transformers pipeline (pooling, dense, normalize),
 * as {@code modules.json} lists them.
 */
public interface SentenceModule {
    /** Computes this stage's output from the previous one's. */
    Features forward(Features features, boolean training);

    /** The Python class name written to {@code modules.json}. */
    ModuleType type();

    /** Writes this module's files into {@code dir} (its own folder, already created). */
    void save(Path dir) throws IOException;
}
