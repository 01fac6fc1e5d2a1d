package dev.st4j.spark;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Encodes a {@code Dataset<Row>} of documents on Spark: each partition is encoded where it lies, by a model
 * its executor loaded once ({@link ExecutorModels}), in windows sorted by length. The result has the id, the
 * text (unless dropped) and an {@code array<float>} embedding per document, equal to {@code
 * SentenceTransformer.encode} in one JVM.
 */
public final class SparkEncoder {
    /** The embedding column of the result. */
    public static final String EMBEDDING = "embedding";

    private final EncodeSettings settings;
    private boolean keepTexts = true;

    /** An encoder with these settings. */
    public SparkEncoder(EncodeSettings settings) {
        this.settings = settings;
    }

    /** Whether the result keeps each document's text (default true). */
    public SparkEncoder keepTexts(boolean keep) {
        this.keepTexts = keep;
        return this;
    }

    /** What the embeddings will be: the model, their width (loading the model here once), normalisation, prompt. */
    public EmbeddingsManifest manifest() {
        var model = ExecutorModels.borrow(settings);
        try {
            return EmbeddingsManifest.of(settings, model.truncateDim() != null ? model.truncateDim() : model.dimension());
        } finally {
            ExecutorModels.release(settings, model);
        }
    }

    /** The schema of the result: id, optional text, embedding. */
    public StructType schema() {
        StructType schema = new StructType().add(SparkDocuments.ID, DataTypes.StringType, false);
        if (keepTexts) {
            schema = schema.add(SparkDocuments.TEXT, DataTypes.StringType, false);
        }
        return schema.add(EMBEDDING, DataTypes.createArrayType(DataTypes.FloatType, false), false);
    }

    /**
     * The embeddings of {@code documents}, a dataset with {@code id} and {@code text} columns (as {@link
     * SparkDocuments} reads), computed lazily when the result is written or collected. The model is loaded
     * here first, so that a model that cannot load (or a truncation it cannot take) fails in one line before
     * any task starts; in local mode the tasks reuse it.
     */
    public Dataset<Row> encode(Dataset<Row> documents) {
        ExecutorModels.release(settings, ExecutorModels.borrow(settings));
        EncodeSettings s = settings;
        boolean texts = keepTexts;
        JavaRDD<Row> encoded = Partitions.spread(documents.select(SparkDocuments.ID, SparkDocuments.TEXT).javaRDD()).mapPartitions(
                rows -> PartitionEncoder.<Row, Row>encode(rows, s, row -> row.getString(1), (row, embedding) -> texts
                        ? RowFactory.create(row.getString(0), row.getString(1), embedding)
                        : RowFactory.create(row.getString(0), embedding)));
        return documents.sparkSession().createDataFrame(encoded, schema());
    }
}
