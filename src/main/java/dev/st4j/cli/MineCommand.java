package dev.st4j.cli;

import dev.st4j.mining.MinedTable;
import dev.st4j.mining.MiningFlags;
import dev.st4j.mining.MiningOptions;
import dev.st4j.model.SentenceTransformer;
import dev.st4j.resolve.ModelResolver;
import dev.st4j.spark.EncodeSettings;
import dev.st4j.spark.SparkHardNegativeMiner;
import dev.st4j.spark.SparkTables;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tech.tablesaw.api.Table;

/** {@code st4j mine-hard-negatives}: (anchor, positive) pairs in, (anchor, positive, negative) rows with scores out. */
@Command(name = "mine-hard-negatives", mixinStandardHelpOptions = true,
        description = "Find hard negatives for (anchor, positive) pairs with a model and write triplets for the triplet trainer.")
final class MineCommand implements Callable<Integer> {
    @Mixin
    MiningFlags flags;

    @Mixin
    SparkFlags spark;

    @Override
    public Integer call() throws Exception {
        if (flags.output == null) {
            throw new IllegalArgumentException("--output is required");
        }
        spark.validate();
        Table mined;
        if (spark.enabled) {
            mined = mineOnSpark();
        } else {
            try (SentenceTransformer model = ModelResolver.load(flags.model)) {
                mined = flags.mine(model);
            }
        }
        MinedTable.write(mined, flags.output);
        System.out.println("mine-hard-negatives: " + mined.rowCount() + " rows (" + flags.format + ") written to " + flags.output);
        return 0;
    }

    /** The same mining with the encoding and the scoring spread over Spark's executors. */
    private Table mineOnSpark() throws Exception {
        MiningOptions options = flags.options();
        SparkSession session = spark.session();
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

    /** A column as text, an empty cell as an empty text (as the one-JVM reader has it). */
    private static Column text(Dataset<Row> rows, String column) {
        return functions.coalesce(rows.col(column).cast("string"), functions.lit("")).as(column);
    }
}
