package dev.st4j.bench;

import dev.st4j.io.AtomicFiles;
import dev.st4j.model.EncodeOptions;
import dev.st4j.model.SentenceTransformer;
import dev.st4j.resolve.ModelResolver;
import dev.st4j.spark.EmbeddingsParquet;
import dev.st4j.spark.EncodeSettings;
import dev.st4j.spark.ExecutorModels;
import dev.st4j.spark.SparkDocuments;
import dev.st4j.spark.SparkEncoder;
import dev.st4j.spark.SparkSessions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Times encoding a corpus in one JVM and on Spark masters in this JVM (e.g. {@code local[1]}, {@code local[2]}):
 * the same documents, batch size and length; on Spark from reading the corpus file (with a session already
 * started) to the Parquet folder written, model loads included, so the difference is Spark's overhead.
 */
public final class SparkEncodeBenchmark {
    private SparkEncodeBenchmark() {}

    /** One measurement. */
    public record Result(String name, String mode, int documents, int maxSeqLength, double seconds, double documentsPerSecond,
            int modelsLoaded) {}

    /** Encodes the corpus's texts with {@code SentenceTransformer.encode} at batch 32, after a warm-up of 256. */
    public static Result oneJvm(String name, String model, int maxSeqLength, Map<String, String> corpus) throws IOException {
        try (SentenceTransformer st = ModelResolver.load(model)) {
            st.setMaxSeqLength(maxSeqLength);
            List<String> texts = new ArrayList<>(corpus.values());
            EncodeOptions options = EncodeOptions.DEFAULTS.withBatchSize(32);
            st.encode(texts.subList(0, Math.min(256, texts.size())), options);
            long start = System.nanoTime();
            st.encode(texts, options);
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result(name, "one JVM", texts.size(), maxSeqLength, seconds, texts.size() / seconds, 1);
        }
    }

    /**
     * Starts {@code master} (stopping a session already running), reads the first {@code documents} of the
     * corpus file and encodes them on it into a Parquet folder under {@code work}, and stops it.
     */
    public static Result spark(String name, String master, String model, int maxSeqLength, Path corpusFile, int documents, Path work)
            throws IOException {
        SparkSession spark = SparkSessions.restart(master);
        try {
            EncodeSettings settings = new EncodeSettings(model, 32, maxSeqLength, null, false, null, null, EncodeSettings.DEFAULT_WINDOW);
            ExecutorModels.closeIdle();
            int loadsBefore = ExecutorModels.loads();
            Path out = work.resolve("embeddings-" + master.replaceAll("[^A-Za-z0-9]", "_"));
            long start = System.nanoTime();
            Dataset<Row> read = SparkDocuments.read(spark, corpusFile, null, SparkDocuments.TEXT, "title").limit(documents);
            SparkEncoder encoder = new SparkEncoder(settings);
            long written = EmbeddingsParquet.write(encoder.encode(read), encoder.manifest(), out);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (written != documents) {
                throw new IllegalStateException("Spark wrote " + written + " embeddings for " + documents + " documents");
            }
            AtomicFiles.deleteTree(out);
            return new Result(name, "spark " + master, documents, maxSeqLength, seconds, documents / seconds,
                    ExecutorModels.loads() - loadsBefore);
        } finally {
            spark.stop();
            ExecutorModels.closeIdle();
        }
    }

    /** A scratch folder for the Parquet outputs. */
    public static Path scratch() throws IOException {
        return Files.createTempDirectory("st4j-bench-spark");
    }
}
