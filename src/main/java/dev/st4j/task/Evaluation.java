package dev.st4j.task;

import dev.st4j.data.ColumnNames;
import dev.st4j.data.DataFiles;
import dev.st4j.data.Dataset;
import dev.st4j.data.DatasetReader;
import dev.st4j.eval.EvaluationReport;
import dev.st4j.eval.Evaluator;
import dev.st4j.eval.Evaluators;
import dev.st4j.eval.RetrievalData;
import dev.st4j.model.SentenceTransformer;
import dev.st4j.params.EvaluationParams;
import dev.st4j.resolve.ModelResolver;
import dev.st4j.similarity.SimilarityFunction;
import java.io.IOException;

/** Evaluates a model as a trainer's validation would: the entry point of {@code st4j evaluate} and {@code %st_eval}. */
public final class Evaluation {
    private Evaluation() {}

    /** Loads the model {@code p} names and evaluates it. */
    public static EvaluationReport run(EvaluationParams p) throws IOException {
        try (SentenceTransformer model = new ModelResolver(System.getenv(), p.token(), null).loadModel(p.model())) {
            return run(p, model);
        }
    }

    /** Evaluates a model already loaded (a notebook's bound model); {@code max_seq_length}, if given, is applied to it. */
    public static EvaluationReport run(EvaluationParams p, SentenceTransformer model) throws IOException {
        Evaluator evaluator;
        String what;
        if (p.retrieval()) {
            RetrievalData r = RetrievalData.readBeir(p.corpus(), p.queries(), p.qrels());
            evaluator = Evaluators.of(p.trainer(), null, r, null, p.batchSize(), SimilarityFunction.of(model));
            what = r.judgedQueries() + " queries against " + r.corpus().size() + " documents";
        } else {
            ColumnNames columns = new ColumnNames(p.sentence1Column(), p.sentence2Column(), p.sentence3Column(), p.targetColumn());
            Dataset data = new DatasetReader(columns, p.skipInvalidRows(), p.maxSamples())
                    .read(DataFiles.resolve(p.dataPath(), p.split()), p.trainer());
            evaluator = Evaluators.of(p.trainer(), data, null, null, p.batchSize(), SimilarityFunction.of(model));
            what = data.size() + " rows of " + data.file() + (data.skipped() > 0 ? " (" + data.skipped() + " invalid rows skipped)" : "");
        }
        if (p.maxSeqLength() != null) {
            model.setMaxSeqLength(p.maxSeqLength());
        }
        return new EvaluationReport(p.model(), p.trainer(), what, evaluator.evaluate(model));
    }
}
