package dev.st4j.spark;

import dev.st4j.mining.HardNegativeMiner;
import dev.st4j.mining.MinedExample;
import dev.st4j.mining.MiningOptions;
import dev.st4j.mining.TopCandidates;
import dev.st4j.model.EncodeOptions;
import dev.st4j.model.SentenceTransformer;
import dev.st4j.similarity.SimilarityFunction;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * {@link HardNegativeMiner} on Spark: anchors, positives and candidates are encoded where their partitions lie,
 * then every block of anchors meets every block of candidates in its own task, which keeps each anchor's top k
 * of that block; the top k of all blocks are merged per anchor, and the same filters choose the negatives. An
 * executor holds two blocks of embeddings and their scores at a time, however large the corpus.
 */
public final class SparkHardNegativeMiner {
    private final EncodeSettings settings;
    private final MiningOptions options;

    /** A miner encoding as {@code settings} say (its batch size is the options') and choosing as {@code options} say. */
    public SparkHardNegativeMiner(EncodeSettings settings, MiningOptions options) {
        this.settings = new EncodeSettings(settings.model(), options.batchSize(), settings.maxSeqLength(), settings.truncateDim(),
                settings.normalize(), settings.promptName(), settings.prompt(), settings.window());
        this.options = options;
    }

    /**
     * The mined examples, in the pairs' order.
     *
     * @param pairs two string columns: anchor, then positive
     * @param corpus one string column of candidate negatives, or null to draw them from the positives
     */
    public List<MinedExample> mine(Dataset<Row> pairs, Dataset<Row> corpus) {
        Roles roles = roles();
        JavaRDD<Row> pairRows = pairs.javaRDD();
        JavaRDD<Anchor> anchors = encodeAnchors(pairRows, roles).persist(StorageLevel.MEMORY_AND_DISK());
        JavaRDD<String> texts = corpus == null ? pairRows.map(r -> r.getString(1))
                : corpus.javaRDD().map(r -> r.getString(0)).union(pairRows.map(r -> r.getString(1)));
        int block = options.blockSize();
        JavaRDD<List<Anchor>> anchorBlocks = blocks(anchors.keyBy(a -> a.index / block)).persist(StorageLevel.MEMORY_AND_DISK());
        JavaRDD<List<Candidate>> candidateBlocks = blocks(encodeCandidates(texts, roles).keyBy(c -> c.index / block))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            SimilarityFunction similarity = roles.similarity();
            int k = options.topK();
            JavaPairRDD<Long, TopCandidates> best = anchorBlocks.cartesian(candidateBlocks)
                    .flatMapToPair(pair -> scoreBlock(pair._1(), pair._2(), similarity, k).iterator())
                    .reduceByKey(TopCandidates::merge);
            List<Tuple2<Long, Tuple2<Anchor, TopCandidates>>> joined = anchors.keyBy(a -> a.index)
                    .mapValues(Anchor::withoutEmbedding).join(best).sortByKey().collect();
            List<MinedExample> out = new ArrayList<>(joined.size());
            for (Tuple2<Long, Tuple2<Anchor, TopCandidates>> row : joined) {
                Anchor a = row._2()._1();
                out.add(HardNegativeMiner.select(a.text, a.positive, a.positiveScore, row._2()._2().candidates(), options));
            }
            return out;
        } finally {
            anchors.unpersist();
            anchorBlocks.unpersist();
            candidateBlocks.unpersist();
        }
    }

    /** How anchors and documents are encoded and compared, read from the model once in the driver. */
    private Roles roles() {
        SentenceTransformer model = ExecutorModels.borrow(settings);
        try {
            EncodeOptions base = settings.options();
            return new Roles(settings.withPromptName(model.queryOptions(base).promptName()),
                    settings.withPromptName(model.documentOptions(base).promptName()), SimilarityFunction.of(model));
        } finally {
            ExecutorModels.release(settings, model);
        }
    }

    /** The pairs numbered in their order, anchors encoded as queries, and each positive's score. */
    private static JavaRDD<Anchor> encodeAnchors(JavaRDD<Row> pairRows, Roles roles) {
        SimilarityFunction similarity = roles.similarity();
        return Partitions.spread(pairRows.zipWithIndex().map(t -> new Anchor(t._2(), t._1().getString(0), t._1().getString(1), null, 0)))
                .mapPartitions(rows -> PartitionEncoder.encode(rows, roles.queries(), Anchor::text, Anchor::withEmbedding))
                .mapPartitions(rows -> PartitionEncoder.encode(rows, roles.documents(), Anchor::positive,
                        (a, p) -> a.withPositiveScore(similarity.of(a.embedding(), p))));
    }

    /** The distinct candidate texts, numbered and encoded as documents. */
    private static JavaRDD<Candidate> encodeCandidates(JavaRDD<String> texts, Roles roles) {
        return Partitions.spread(texts.distinct().zipWithIndex().map(t -> new Candidate(t._2(), t._1(), null)))
                .mapPartitions(rows -> PartitionEncoder.encode(rows, roles.documents(), Candidate::text, Candidate::withEmbedding));
    }

    private static <T> JavaRDD<List<T>> blocks(JavaPairRDD<Long, T> keyed) {
        return keyed.groupByKey().values().map(rows -> {
            List<T> list = new ArrayList<>();
            rows.forEach(list::add);
            return list;
        });
    }

    /** Each anchor of the block with its top k among the candidates of the other block. */
    private static List<Tuple2<Long, TopCandidates>> scoreBlock(List<Anchor> anchors, List<Candidate> candidates,
            SimilarityFunction similarity, int k) {
        float[][] a = new float[anchors.size()][];
        for (int i = 0; i < a.length; i++) {
            a[i] = anchors.get(i).embedding;
        }
        float[][] c = new float[candidates.size()][];
        for (int j = 0; j < c.length; j++) {
            c[j] = candidates.get(j).embedding;
        }
        float[][] scores = similarity.matrix(a, c);
        List<Tuple2<Long, TopCandidates>> out = new ArrayList<>(a.length);
        for (int i = 0; i < a.length; i++) {
            TopCandidates top = new TopCandidates(k);
            for (int j = 0; j < c.length; j++) {
                top.add(candidates.get(j).text, scores[i][j]);
            }
            out.add(new Tuple2<>(anchors.get(i).index, top));
        }
        return out;
    }

    /** The settings anchors (queries) and candidates (documents) are encoded with, and the model's similarity. */
    private record Roles(EncodeSettings queries, EncodeSettings documents, SimilarityFunction similarity) implements Serializable {}

    /** A pair as mining needs it: its position, texts, the anchor's embedding and the positive's score. */
    private record Anchor(long index, String text, String positive, float[] embedding, double positiveScore) implements Serializable {
        Anchor withEmbedding(float[] e) {
            return new Anchor(index, text, positive, e, positiveScore);
        }

        Anchor withPositiveScore(double score) {
            return new Anchor(index, text, positive, embedding, score);
        }

        Anchor withoutEmbedding() {
            return withEmbedding(null);
        }
    }

    /** A distinct candidate text, its number and its embedding. */
    private record Candidate(long index, String text, float[] embedding) implements Serializable {
        Candidate withEmbedding(float[] e) {
            return new Candidate(index, text, e);
        }
    }
}
