package dev.st4j.params;

import dev.st4j.kind.TrainerKind;
import java.nio.file.Path;

/**
 * What {@code st4j evaluate} and {@code %st_eval} evaluate: a model, the trainer whose evaluator to
 * use, and either a split of a dataset (with its column choice) or BEIR-style retrieval files.
 *
 * @param model a folder or Hub id (or, in a notebook, the name of a bound model)
 * @param dataPath a data file or a folder with one file per split; null when retrieval files are given
 * @param maxSamples evaluate only the first N rows, or null for all
 * @param maxSeqLength truncation for this evaluation, or null for the model's own
 * @param token Hugging Face token for private models, or null for {@code $HF_TOKEN}
 * @param corpus BEIR corpus file (with {@code queries} and {@code qrels}), or null
 */
public record EvaluationParams(String model, TrainerKind trainer, Path dataPath, String split, String sentence1Column,
        String sentence2Column, String sentence3Column, String targetColumn, Integer maxSamples, boolean skipInvalidRows,
        int batchSize, Integer maxSeqLength, String token, Path corpus, Path queries, Path qrels) {

    /** Checks the combination; each failure is one line naming the flag. */
    public EvaluationParams {
        if (dataPath == null && corpus == null) {
            throw new IllegalArgumentException("--data-path is required (or --corpus, --queries and --qrels for retrieval)");
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("--batch-size must be a positive integer, got " + batchSize);
        }
        if ((corpus != null || queries != null || qrels != null) && (corpus == null || queries == null || qrels == null)) {
            throw new IllegalArgumentException("--corpus, --queries and --qrels go together");
        }
        if (corpus != null && !trainer.acceptsRetrievalFiles()) {
            throw new IllegalArgumentException("--corpus: retrieval evaluation is for --trainer pair or qa");
        }
    }

    /** Whether BEIR-style retrieval files replace the split. */
    public boolean retrieval() {
        return corpus != null;
    }
}
