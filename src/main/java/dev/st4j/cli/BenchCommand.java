package dev.st4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.st4j.bench.EncodeBenchmark;
import dev.st4j.bench.ResidentMemory;
import dev.st4j.bench.TrainingBenchmark;
import dev.st4j.data.ColumnNames;
import dev.st4j.data.DatasetReader;
import dev.st4j.data.TableReader;
import dev.st4j.model.ModelResolver;
import dev.st4j.model.SentenceTransformer;
import dev.st4j.params.SentenceTransformersParams;
import dev.st4j.trainer.TrainerKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

/** {@code st4j bench}: throughput and peak memory figures, one JSON object per measurement. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure encode (sentences/s) and training (pairs/s) throughput and peak resident memory on the shared data sets.")
final class BenchCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--model", defaultValue = "sentence-transformers/all-MiniLM-L6-v2", description = "Model (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--data-root", defaultValue = "../shared/data", description = "Folder with stsb/ and scifact/ (default: ${DEFAULT-VALUE}).")
    Path dataRoot;

    @Option(names = "--batch-sizes", split = ",", defaultValue = "32,64,128", description = "Encode batch sizes for STS-B (default: ${DEFAULT-VALUE}).")
    List<Integer> batchSizes;

    @Option(names = "--scifact-limit", description = "Encode only the first N SciFact documents.")
    Integer scifactLimit;

    @Option(names = "--train-steps", defaultValue = "0",
            description = "Also time this many training steps of pair_score (batch 16 and 32) and qa (batch 16); 0 skips training.")
    int trainSteps;

    @Option(names = "--skip-encode", description = "Time only training.")
    boolean skipEncode;

    @Override
    public Integer call() throws Exception {
        if (!skipEncode) {
            encode();
        }
        if (trainSteps > 0) {
            SentenceTransformersParams stsb = SentenceTransformersParams.builder().model(model)
                    .dataPath(dataRoot.resolve("stsb").toString()).trainer("pair_score").targetColumn("score").lr(2e-5)
                    .maxSeqLength(128).build();
            SentenceTransformersParams scifact = SentenceTransformersParams.builder().model(model)
                    .dataPath(dataRoot.resolve("scifact").toString()).trainer("qa").sentence1Column("query")
                    .sentence2Column("answer").lr(2e-5).maxSeqLength(256).build();
            printTraining(TrainingBenchmark.run("train pair_score stsb", stsb, 16, trainSteps));
            printTraining(TrainingBenchmark.run("train pair_score stsb", stsb, 32, trainSteps));
            printTraining(TrainingBenchmark.run("train qa scifact", scifact, 16, trainSteps));
        }
        return 0;
    }

    private void encode() throws Exception {
        var stsb = new DatasetReader(ColumnNames.DEFAULTS, false, null).read(dataRoot.resolve("stsb/validation.csv"), TrainerKind.PAIR_SCORE);
        List<String> sentences = new ArrayList<>(new LinkedHashSet<>(stsb.column(0)));
        sentences.addAll(stsb.column(1));
        sentences = new ArrayList<>(new LinkedHashSet<>(sentences));
        Table corpus = TableReader.read(dataRoot.resolve("scifact/corpus.csv"));
        List<String> docs = corpus.stringColumn("text").asList();
        if (scifactLimit != null) {
            docs = docs.subList(0, Math.min(scifactLimit, docs.size()));
        }
        try (SentenceTransformer st = ModelResolver.load(model)) {
            st.setMaxSeqLength(128);
            for (int b : batchSizes) {
                print(EncodeBenchmark.run("encode stsb-validation", st, sentences, b));
            }
            st.setMaxSeqLength(256);
            print(EncodeBenchmark.run("encode scifact-corpus", st, docs, 32));
        }
    }

    private static void printTraining(TrainingBenchmark.Result r) throws Exception {
        var node = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.valueToTree(r);
        node.put("peakRssMib", Math.round(ResidentMemory.peakMib()));
        System.out.println(JSON.writeValueAsString(node));
    }

    private static void print(EncodeBenchmark.Result r) throws Exception {
        var node = JSON.valueToTree(r);
        ((com.fasterxml.jackson.databind.node.ObjectNode) node).put("peakRssMib", Math.round(ResidentMemory.peakMib()));
        System.out.println(JSON.writeValueAsString(node));
    }
}
