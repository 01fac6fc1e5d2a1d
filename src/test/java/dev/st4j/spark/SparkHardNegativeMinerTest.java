package dev.st4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.st4j.data.TableReader;
import dev.st4j.mining.HardNegativeMiner;
import dev.st4j.mining.MinedExample;
import dev.st4j.mining.MiningOptions;
import dev.st4j.model.SentenceTransformer;
import dev.st4j.testing.LocalSpark;
import dev.st4j.testing.Shared;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * Mining on Spark ({@code local[*]}, blocks of 32, so every anchor meets candidates from many tasks) chooses the
 * same negatives as the one-JVM miner, with the same scores to 1e-5: 120 NLI pairs against a corpus of NLI
 * negatives, and against the positives alone; with a margin of 0, so the filters take part.
 */
class SparkHardNegativeMinerTest {
    private static final MiningOptions OPTIONS = new MiningOptions(2, 10, null, 0.0, 32, 16);
    private static SentenceTransformer model;
    private static List<String> anchors;
    private static List<String> positives;
    private static List<String> corpus;

    @BeforeAll
    static void load() throws IOException {
        model = SentenceTransformer.load(Shared.tinyModel("bert"));
        model.setMaxSeqLength(64);
        Table t = TableReader.read(Shared.data("nli-triplets/validation.csv"));
        anchors = t.stringColumn("anchor").asList().subList(0, 120);
        positives = t.stringColumn("positive").asList().subList(0, 120);
        corpus = t.stringColumn("negative").asList().subList(0, 300);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void negativesAndScoresEqualTheOneJvmMinerWithACorpus() {
        compare(new HardNegativeMiner(model, OPTIONS).mine(anchors, positives, corpus), mineOnSpark(true));
    }

    @Test
    void negativesAndScoresEqualTheOneJvmMinerFromThePositives() {
        compare(new HardNegativeMiner(model, OPTIONS).mine(anchors, positives, null), mineOnSpark(false));
    }

    private static List<MinedExample> mineOnSpark(boolean withCorpus) {
        SparkSession spark = LocalSpark.session();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < anchors.size(); i++) {
            rows.add(RowFactory.create(anchors.get(i), positives.get(i)));
        }
        Dataset<Row> pairs = spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, 3),
                new StructType().add("anchor", "string").add("positive", "string"));
        Dataset<Row> candidates = withCorpus ? spark.createDataset(corpus, Encoders.STRING()).toDF("text").repartition(4) : null;
        EncodeSettings settings = new EncodeSettings(Shared.tinyModel("bert").toString(), 16, 64, null, false, null, null, 40);
        return new SparkHardNegativeMiner(settings, OPTIONS).mine(pairs, candidates);
    }

    private static void compare(List<MinedExample> expected, List<MinedExample> actual) {
        assertEquals(expected.size(), actual.size());
        int filled = 0;
        for (int i = 0; i < expected.size(); i++) {
            MinedExample e = expected.get(i);
            MinedExample a = actual.get(i);
            assertEquals(e.anchor(), a.anchor(), "pair " + i);
            assertEquals(e.positive(), a.positive(), "pair " + i);
            assertEquals(e.positiveScore(), a.positiveScore(), 1e-5, "pair " + i);
            assertEquals(e.negatives(), a.negatives(), "pair " + i);
            for (int j = 0; j < e.negativeScores().size(); j++) {
                assertEquals(e.negativeScores().get(j), a.negativeScores().get(j), 1e-5, "pair " + i + " negative " + j);
            }
            filled += e.negatives().size() == 2 ? 1 : 0;
        }
        assertTrue(filled >= 10 && filled < expected.size(), "the margin leaves some pairs two negatives, others fewer: " + filled);
    }
}
