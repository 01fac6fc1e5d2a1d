package dev.st4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.st4j.bench.EncodeBenchmark;
import dev.st4j.bench.IndexBenchmark;
import dev.st4j.bench.ResidentMemory;
import dev.st4j.bench.SparkEncodeBenchmark;
import dev.st4j.bench.TrainingBenchmark;
import dev.st4j.data.ColumnNames;
import dev.st4j.data.DatasetReader;
import dev.st4j.data.TableReader;
import dev.st4j.engine.AllocatorSettings;
import dev.st4j.eval.RetrievalData;
import dev.st4j.io.AtomicFiles;
import dev.st4j.kind.TrainerKind;
import dev.st4j.model.SentenceTransformer;
import dev.st4j.params.SentenceTransformersParams;
import dev.st4j.resolve.ModelResolver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code st4j bench}: throughput and peak memory figures, one JSON object per measurement, the peak
 * resident memory of each measured on its own.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure encode (sentences/s) and training (pairs/s) throughput and peak resident memory on the shared data sets.")
final class BenchCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What can be measured. */
    enum Measurement {
        /** Encoding the unique STS-B validation sentences at each --batch-sizes, max_seq_length 128 (or the model's limit). */
        ENCODE_STSB,
        /** Encoding the SciFact corpus at batch 32, max_seq_length 256 (or the model's limit). */
        ENCODE_SCIFACT,
        /** pair_score training on STS-B train at batch 16 and 32, max_seq_length 128. */
        TRAIN_PAIR_SCORE,
        /** qa training on SciFact train at batch 16, max_seq_length 256. */
        TRAIN_QA,
        /** A Lucene HNSW index of the SciFact corpus (max_seq_length 256): build, size, recall@10 against exact search, latency. */
        INDEX_SCIFACT,
        /** The SciFact corpus (max_seq_length 256) encoded in one JVM, then on Spark at each --spark-masters, to Parquet. */
        SPARK_SCIFACT
    }

    @Option(names = "--model", defaultValue = "sentence-transformers/all-MiniLM-L6-v2", description = "Model (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--data-root", defaultValue = "../shared/data", description = "Folder with stsb/ and scifact/ (default: ${DEFAULT-VALUE}).")
    Path dataRoot;

    @Option(names = "--only", split = ",", description = "Measure only these: ${COMPLETION-CANDIDATES} (default: all).")
    EnumSet<Measurement> only;

    @Option(names = "--batch-sizes", split = ",", defaultValue = "32,64,128", description = "Encode batch sizes for STS-B (default: ${DEFAULT-VALUE}).")
    List<Integer> batchSizes;

    @Option(names = "--scifact-limit", description = "Encode only the first N SciFact documents (default: all 5183).")
    Integer scifactLimit;

    @Option(names = "--train-steps", defaultValue = "40", description = "Optimizer steps per training measurement (default: ${DEFAULT-VALUE}).")
    int trainSteps;

    @Option(names = "--spark-masters", split = ",", defaultValue = "local[1],local[2]",
            description = "Spark masters of spark_scifact (default: ${DEFAULT-VALUE}).")
    List<String> sparkMasters;

    @Option(names = "--repeat", defaultValue = "1", description = "Run each measurement this many times (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Override
    public Integer call() throws Exception {
        EnumSet<Measurement> selected = only == null ? EnumSet.allOf(Measurement.class) : only;
        if (trainSteps < 1 || repeat < 1) {
            throw new IllegalArgumentException("--train-steps and --repeat: expected at least 1");
        }
        if (!ResidentMemory.resetPeak()) {
            System.err.println("st4j bench: cannot reset the peak RSS (/proc/self/clear_refs); each peakRssMib is the process's peak so far");
        }
        if (!AllocatorSettings.active()) {
            System.err.println("st4j bench: the process lacks the allocator settings of bin/st4j (see docs/performance.md); figures will be lower");
        }
        if (selected.contains(Measurement.ENCODE_STSB) || selected.contains(Measurement.ENCODE_SCIFACT)) {
            encode(selected);
        }
        if (selected.contains(Measurement.INDEX_SCIFACT)) {
            index();
        }
        if (selected.contains(Measurement.SPARK_SCIFACT)) {
            spark();
        }
        SentenceTransformersParams stsb = SentenceTransformersParams.builder().model(model)
                .dataPath(dataRoot.resolve("stsb").toString()).trainer("pair_score").targetColumn("score").lr(2e-5)
                .maxSeqLength(128).build();
        SentenceTransformersParams scifact = SentenceTransformersParams.builder().model(model)
                .dataPath(dataRoot.resolve("scifact").toString()).trainer("qa").sentence1Column("query")
                .sentence2Column("answer").lr(2e-5).maxSeqLength(256).build();
        for (int r = 0; r < repeat; r++) {
            if (selected.contains(Measurement.TRAIN_PAIR_SCORE)) {
                ResidentMemory.resetPeak();
                print(TrainingBenchmark.run("train pair_score stsb", stsb, 16, trainSteps));
                ResidentMemory.resetPeak();
                print(TrainingBenchmark.run("train pair_score stsb", stsb, 32, trainSteps));
            }
            if (selected.contains(Measurement.TRAIN_QA)) {
                ResidentMemory.resetPeak();
                print(TrainingBenchmark.run("train qa scifact", scifact, 16, trainSteps));
            }
        }
        return 0;
    }

    private void encode(EnumSet<Measurement> selected) throws Exception {
        List<String> sentences = stsbSentences();
        List<String> docs = TableReader.read(dataRoot.resolve("scifact/corpus.csv")).stringColumn("text").asList();
        if (scifactLimit != null) {
            docs = docs.subList(0, Math.min(scifactLimit, docs.size()));
        }
        try (SentenceTransformer st = ModelResolver.load(model)) {
            for (int r = 0; r < repeat; r++) {
                if (selected.contains(Measurement.ENCODE_STSB)) {
                    st.setMaxSeqLength(Math.min(128, st.transformer().positionLimit()));
                    for (int b : batchSizes) {
                        ResidentMemory.resetPeak();
                        print(EncodeBenchmark.run("encode stsb-validation", st, sentences, b));
                    }
                }
                if (selected.contains(Measurement.ENCODE_SCIFACT)) {
                    st.setMaxSeqLength(Math.min(256, st.transformer().positionLimit()));
                    ResidentMemory.resetPeak();
                    print(EncodeBenchmark.run("encode scifact-corpus", st, docs, 32));
                }
            }
        }
    }

    private void index() throws Exception {
        Map<String, String> corpus = scifactCorpus();
        List<String> queries = new ArrayList<>(TableReader.read(dataRoot.resolve("scifact/queries.csv")).stringColumn("text").asList());
        queries.addAll(TableReader.read(dataRoot.resolve("scifact/train.csv")).stringColumn("query").asList());
        try (SentenceTransformer st = ModelResolver.load(model)) {
            st.setMaxSeqLength(Math.min(256, st.transformer().positionLimit()));
            for (int r = 0; r < repeat; r++) {
                ResidentMemory.resetPeak();
                print(IndexBenchmark.run("index scifact-corpus", st, corpus, queries, 10));
            }
        }
    }

    private void spark() throws Exception {
        Map<String, String> corpus = scifactCorpus();
        int length;
        try (SentenceTransformer st = ModelResolver.load(model)) {
            length = Math.min(256, st.transformer().positionLimit());
        }
        Path work = SparkEncodeBenchmark.scratch();
        try {
            for (int r = 0; r < repeat; r++) {
                ResidentMemory.resetPeak();
                print(SparkEncodeBenchmark.oneJvm("spark scifact-corpus", model, length, corpus));
                for (String master : sparkMasters) {
                    ResidentMemory.resetPeak();
                    print(SparkEncodeBenchmark.spark("spark scifact-corpus", master, model, length, dataRoot.resolve("scifact/corpus.csv"),
                            corpus.size(), work));
                }
            }
        } finally {
            AtomicFiles.deleteTree(work);
        }
    }

    private Map<String, String> scifactCorpus() throws Exception {
        Map<String, String> corpus = new LinkedHashMap<>();
        RetrievalData.readCorpus(dataRoot.resolve("scifact/corpus.csv")).entrySet().stream()
                .limit(scifactLimit == null ? Long.MAX_VALUE : scifactLimit).forEach(e -> corpus.put(e.getKey(), e.getValue()));
        return corpus;
    }

    private List<String> stsbSentences() throws Exception {
        var stsb = new DatasetReader(ColumnNames.DEFAULTS, false, null).read(dataRoot.resolve("stsb/validation.csv"), TrainerKind.PAIR_SCORE);
        LinkedHashSet<String> unique = new LinkedHashSet<>(stsb.column(0));
        unique.addAll(stsb.column(1));
        return new ArrayList<>(unique);
    }

    private static void print(Record result) throws Exception {
        ObjectNode node = JSON.valueToTree(result);
        node.put("peakRssMib", Math.round(ResidentMemory.peakMib()));
        System.out.println(JSON.writeValueAsString(node));
    }
}
