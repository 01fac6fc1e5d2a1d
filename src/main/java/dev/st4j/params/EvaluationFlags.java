package dev.st4j.params;

import dev.st4j.kind.TrainerKind;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The flags of {@code st4j evaluate}, shared with the notebook's {@code %st_eval}. */
public final class EvaluationFlags {
    @Option(names = "--model", required = true, description = "Model folder or Hub id.")
    String model;

    @Option(names = "--trainer", required = true, description = "pair, pair_class, pair_score, triplet or qa.")
    String trainer;

    @Option(names = "--data-path", description = "A CSV/JSONL/JSON file, or a folder with one file per split.")
    Path dataPath;

    @Option(names = "--split", defaultValue = "validation", description = "Split to evaluate (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--sentence1-column", description = "First text column.")
    String sentence1;

    @Option(names = "--sentence2-column", description = "Second text column.")
    String sentence2;

    @Option(names = "--sentence3-column", description = "Third text column (triplet).")
    String sentence3;

    @Option(names = "--target-column", description = "Score or label column.")
    String target;

    @Option(names = "--max-samples", description = "Evaluate only the first N rows.")
    Integer maxSamples;

    @Option(names = "--skip-invalid-rows", description = "Skip rows with an empty text or a bad target instead of failing.")
    boolean skipInvalid;

    @Option(names = "--batch-size", defaultValue = "32", description = "Encoding batch size (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--max-seq-length", description = "Truncate texts to this many tokens (default: the model's).")
    Integer maxSeqLength;

    @Option(names = "--token", description = "Hugging Face token for private models (default: $HF_TOKEN).")
    String token;

    @Option(names = "--corpus", description = "BEIR corpus.csv (docid,text): retrieval evaluation for pair and qa.")
    Path corpus;

    @Option(names = "--queries", description = "BEIR queries.csv (qid,text).")
    Path queries;

    @Option(names = "--qrels", description = "BEIR qrels.csv (qid,docid,score).")
    Path qrels;

    /** The flags as parameters; a bad combination is a one-line error. */
    public EvaluationParams toParams() {
        return new EvaluationParams(model, TrainerKind.parse(trainer), dataPath, split, sentence1, sentence2, sentence3, target,
                maxSamples, skipInvalid, batchSize, maxSeqLength, token, corpus, queries, qrels);
    }
}
