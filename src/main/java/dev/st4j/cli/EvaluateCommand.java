package dev.st4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.st4j.data.ColumnNames;
import dev.st4j.data.DataFiles;
import dev.st4j.data.Dataset;
import dev.st4j.data.DatasetReader;
import dev.st4j.eval.Evaluators;
import dev.st4j.eval.InformationRetrievalEvaluator;
import dev.st4j.eval.RetrievalData;
import dev.st4j.eval.EvaluationReport;
import dev.st4j.eval.Evaluator;
import dev.st4j.kind.TrainerKind;
import dev.st4j.resolve.ModelResolver;
import dev.st4j.model.SentenceTransformer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code st4j evaluate}: a model's metrics on one split, as one JSON object on the last line. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate a model on a split of a dataset; prints the metrics as one JSON object on the last line.")
public final class EvaluateCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

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

    @Override
    public Integer call() throws Exception {
        EvaluationReport report = evaluate();
        System.err.println("evaluate: " + report.description());
        ObjectNode out = JSON.createObjectNode();
        report.metrics().forEach(out::put);
        System.out.println(JSON.writeValueAsString(out));
        return 0;
    }

    /** The {@code --model} value. */
    public String model() {
        return model;
    }

    /** Loads {@code --model} and runs the evaluation the flags describe. */
    public EvaluationReport evaluate() throws IOException {
        try (SentenceTransformer st = new ModelResolver(System.getenv(), token, null).loadModel(model)) {
            return evaluate(st);
        }
    }

    /** Runs the evaluation the flags describe on a model already loaded (the notebook's {@code %st_eval}). */
    public EvaluationReport evaluate(SentenceTransformer st) throws IOException {
        TrainerKind kind = TrainerKind.parse(trainer);
        if (dataPath == null && corpus == null) {
            throw new IllegalArgumentException("--data-path is required (or --corpus, --queries and --qrels for retrieval)");
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("--batch-size must be a positive integer, got " + batchSize);
        }
        Evaluator evaluator;
        String what;
        if (corpus != null || queries != null || qrels != null) {
            if (corpus == null || queries == null || qrels == null) {
                throw new IllegalArgumentException("--corpus, --queries and --qrels go together");
            }
            if (kind != TrainerKind.PAIR && kind != TrainerKind.QA) {
                throw new IllegalArgumentException("--corpus: retrieval evaluation is for --trainer pair or qa");
            }
            RetrievalData r = RetrievalData.readBeir(corpus, queries, qrels);
            InformationRetrievalEvaluator ir = new InformationRetrievalEvaluator(r.queries(), r.corpus(), r.relevant(), batchSize);
            evaluator = ir;
            what = ir.queryCount() + " queries against " + r.corpus().size() + " documents";
        } else {
            Dataset data = new DatasetReader(new ColumnNames(sentence1, sentence2, sentence3, target), skipInvalid, maxSamples)
                    .read(DataFiles.resolve(dataPath, split), kind);
            evaluator = Evaluators.forSplit(kind, data, null, batchSize);
            what = data.size() + " rows of " + data.file() + (data.skipped() > 0 ? " (" + data.skipped() + " invalid rows skipped)" : "");
        }
        if (maxSeqLength != null) {
            st.setMaxSeqLength(maxSeqLength);
        }
        return new EvaluationReport(model, kind, what, evaluator.evaluate(st));
    }
}
