package dev.st4j.cli;

import dev.st4j.index.IndexManifest;
import dev.st4j.index.VectorIndexBuilder;
import dev.st4j.mining.MiningFlags;
import dev.st4j.spark.EmbeddingsParquet;
import dev.st4j.spark.EncodeSettings;
import dev.st4j.spark.SparkDocuments;
import dev.st4j.spark.SparkEncoder;
import dev.st4j.spark.SparkHardNegativeMiner;
import dev.st4j.spark.SparkSessions;
import dev.st4j.spark.SparkTables;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import tech.tablesaw.api.Table;

/**
 * The Spark side of {@code encode --spark}, {@code mine-hard-negatives --spark} and {@code index build --embeddings}:
 * the one command-line class that uses Spark's types, so that every other command loads where Spark is absent.
 * Commands call it only after {@code SparkAvailability.require()}.
 */
final class SparkJobs {
    private SparkJobs() {}

    /** Encodes {@code input}'s documents on {@code master} into the Parquet folder {@code output}. */
    static void encode(String master, EncodeSettings settings, Path input, SparkColumnFlags columns, Path output) throws IOException {
        SparkSession session = SparkSessions.start(master);
        Dataset<Row> documents = SparkDocuments.read(session, input, columns.id, columns.textColumn(), columns.titleColumn());
        long start = System.nanoTime();
        SparkEncoder encoder = new SparkEncoder(settings).keepTexts(!columns.noTexts);
        long rows = EmbeddingsParquet.write(encoder.encode(documents), encoder.manifest(), output);
        System.err.printf("encode: wrote %d embeddings to %s (Parquet, Spark %s, %.1f s)%n", rows, output, session.sparkContext().master(),
                (System.nanoTime() - start) / 1e9);
    }

    /** The mining {@code flags} describe, with the encoding and the scoring spread over {@code master}'s executors. */
    static Table mine(String master, MiningFlags flags) throws IOException {
        var options = flags.options();
        SparkSession session = SparkSessions.start(master);
        Path file = flags.pairsFile();
        Dataset<Row> pairs = SparkTables.read(session, file, "--data-path");
        if (flags.maxSamples != null) {
            pairs = pairs.limit(flags.samples());
        }
        List<String> columns = Arrays.asList(pairs.columns());
        pairs = pairs.select(text(pairs, flags.anchorColumn(columns, file)), text(pairs, flags.positiveColumn(columns, file)));
        Dataset<Row> corpus = null;
        if (flags.corpus() != null) {
            corpus = SparkTables.read(session, flags.corpus(), "--corpus");
            if (flags.maxCorpus != null) {
                corpus = corpus.limit(flags.corpusSize());
            }
            corpus = corpus.select(text(corpus, flags.corpusColumn(Arrays.asList(corpus.columns()))));
        }
        return flags.table(new SparkHardNegativeMiner(EncodeSettings.of(flags.model), options).mine(pairs, corpus));
    }

    /** The index of a Parquet folder of {@code encode --spark}, read with Spark in this JVM. */
    static IndexManifest index(VectorIndexBuilder builder, Path embeddings, Path index) throws IOException {
        return builder.build(EmbeddingsParquet.documents(SparkSessions.start(null), embeddings), index);
    }

    /** A column as text, an empty cell as an empty text (as the one-JVM reader has it). */
    private static Column text(Dataset<Row> rows, String column) {
        return functions.coalesce(rows.col(column).cast("string"), functions.lit("")).as(column);
    }
}
