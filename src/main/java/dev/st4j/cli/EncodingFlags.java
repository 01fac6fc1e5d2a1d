package dev.st4j.cli;

import dev.st4j.model.SentenceTransformer;
import java.io.IOException;
import picocli.CommandLine.Option;

/** {@code --batch-size} and {@code --max-seq-length}: how commands that encode texts batch and truncate them; shared by {@code st4j encode} and {@code st4j index build}. */
final class EncodingFlags {
    @Option(names = "--batch-size", defaultValue = "32", description = "Texts per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--max-seq-length", description = "Truncate texts to this many tokens (default: the model's).")
    Integer maxSeqLength;

    /** Refuses a batch size or length below 1, naming the flag. */
    void validate() {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("--batch-size must be a positive integer, got " + batchSize);
        }
        if (maxSeqLength != null && maxSeqLength <= 0) {
            throw new IllegalArgumentException("--max-seq-length must be a positive integer, got " + maxSeqLength);
        }
    }

    /** Sets the model's maximum sequence length when {@code --max-seq-length} was given. */
    void applyTo(SentenceTransformer model) throws IOException {
        if (maxSeqLength != null) {
            model.setMaxSeqLength(maxSeqLength);
        }
    }
}
