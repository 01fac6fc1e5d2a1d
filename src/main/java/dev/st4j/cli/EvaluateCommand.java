package dev.st4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.st4j.data.ColumnNames;
import dev.st4j.data.DataFiles;
import dev.st4j.data.Dataset;
import dev.st4j.data.DatasetReader;
import dev.st4j.eval.EmbeddingSimilarityEvaluator;
import dev.st4j.eval.Evaluator;
import dev.st4j.model.ModelResolver;
import dev.st4j.model.SentenceTransformer;
import dev.st4j.trainer.TrainerKind;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code st4j evaluate}: a model's metrics on one split, as one JSON object on the last line. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate a model on a split of a dataset; prints the metrics as one JSON object on the last line.")
final class EvaluateCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--model", required = true, description = "Model folder or Hub id.")
    String model;

    @Option(names = "--trainer", required = true, description = "pair, pair_class, pair_score, triplet or qa.")
    String trainer;

    @Option(names = "--data-path", required = true, description = "A CSV/JSONL/JSON file, or a folder with one file per split.")
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

    @Override
    public Integer call() throws Exception {
        TrainerKind kind = TrainerKind.parse(trainer);
        if (batchSize <= 0) {
            throw new IllegalArgumentException("--batch-size must be a positive integer, got " + batchSize);
        }
        if (kind != TrainerKind.PAIR_SCORE) {
            throw new UnsupportedOperationException("--trainer " + trainer + ": evaluation is implemented for pair_score only so far");
        }
        Dataset data = new DatasetReader(new ColumnNames(sentence1, sentence2, sentence3, target), skipInvalid, maxSamples)
                .read(DataFiles.resolve(dataPath, split), kind);
        Evaluator evaluator = new EmbeddingSimilarityEvaluator(data.column(0), data.column(1), data.targets(), batchSize);
        Map<String, Double> metrics;
        try (SentenceTransformer st = new ModelResolver(System.getenv(), token, null).loadModel(model)) {
            if (maxSeqLength != null) {
                st.setMaxSeqLength(maxSeqLength);
            }
            metrics = evaluator.evaluate(st);
        }
        System.err.println("evaluate: " + data.size() + " rows of " + data.file()
                + (data.skipped() > 0 ? " (" + data.skipped() + " invalid rows skipped)" : ""));
        ObjectNode out = JSON.createObjectNode();
        metrics.forEach(out::put);
        System.out.println(JSON.writeValueAsString(out));
        return 0;
    }
}
