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
        SentenceTransformer model = ExecutorModels.borrow(settings);
        EncodeSettings queries;
        EncodeSettings documents;
        SimilarityFunction similarity;
        try {
            EncodeOptions base = settings.options();
            queries = settings.withPromptName(model.queryOptions(base).promptName());
            documents = settings.withPromptName(model.documentOptions(base).promptName());
            similarity = SimilarityFunction.of(model);
        } finally {
            ExecutorModels.release(settings, model);
        }
        int block = options.blockSize();
        int k = options.topK();

        JavaRDD<Row> pairRows = pairs.javaRDD();
        JavaRDD<Anchor> anchors = Partitions.spread(pairRows.zipWithIndex()
                .map(t -> new Anchor(t._2(), t._1().getString(0), t._1().getString(1), null, 0)))
                .mapPartitions(rows -> new PartitionEncoder<>(rows, queries, Anchor::text, Anchor::withEmbedding))
                .mapPartitions(rows -> new PartitionEncoder<>(rows, documents, Anchor::positive,
                        (a, p) -> a.withPositiveScore(similarity.of(a.embedding(), p))))
                .persist(StorageLevel.MEMORY_AND_DISK());
        JavaRDD<String> texts = corpus == null ? pairRows.map(r -> r.getString(1))
                : corpus.javaRDD().map(r -> r.getString(0)).union(pairRows.map(r -> r.getString(1)));
        JavaRDD<Candidate> candidates = Partitions.spread(texts.distinct().zipWithIndex().map(t -> new Candidate(t._2(), t._1(), null)))
                .mapPartitions(rows -> new PartitionEncoder<>(rows, documents, Candidate::text, Candidate::withEmbedding));

        JavaRDD<List<Anchor>> anchorBlocks = blocks(anchors.keyBy(a -> a.index / block)).persist(StorageLevel.MEMORY_AND_DISK());
        JavaRDD<List<Candidate>> candidateBlocks = blocks(candidates.keyBy(c -> c.index / block)).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            JavaPairRDD<Long, TopCandidates> best = anchorBlocks.cartesian(candidateBlocks)
                    .flatMapToPair(pair -> scoreBlock(pair._1(), pair._2(), similarity, k).iterator())
                    .reduceByKey(TopCandidates::merge);
            List<Tuple2<Long, Tuple2<Anchor, TopCandidates>>> joined = anchors.keyBy(a -> a.index)
                    .mapValues(a -> a.withoutEmbedding()).join(best).sortByKey().collect();
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
