package dev.st4j.spark;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Documents to encode, read with Spark as {@code (id, text)} rows: a text file (a document per line), CSV with a
 * header, JSON Lines, or Parquet (a file or a folder of parts). The id is the file's id column ({@code id},
 * {@code _id} or {@code docid} unless named), else the row's number from 1; the text is the text column, after
 * the title column when the file has one (as st4j's corpus readers do). Ids must be unique, as the corpus readers
 * require.
 */
public final class SparkDocuments {
    /** The id column of the rows read. */
    public static final String ID = "id";
    /** The text column of the rows read. */
    public static final String TEXT = "text";

    private static final List<String> ID_NAMES = List.of("id", "_id", "docid");
    private static final StructType SCHEMA = new StructType().add(ID, DataTypes.StringType, false).add(TEXT, DataTypes.StringType, true);

    private SparkDocuments() {}

    /**
     * The documents of {@code input}.
     *
     * @param idColumn the id column, or null for a conventional one (else row numbers)
     * @param textColumn the text column (for a text file: ignored)
     * @param titleColumn a column put before the text when the file has it, or null for none
     */
    public static Dataset<Row> read(SparkSession spark, Path input, String idColumn, String textColumn, String titleColumn) {
        Dataset<Row> raw = SparkTables.read(spark, input, "--input");
        List<String> columns = Arrays.asList(raw.columns());
        if (idColumn != null && !columns.contains(idColumn)) {
            throw new IllegalArgumentException("--id-column: " + input + " has no column '" + idColumn + "' (columns: " + columns + ")");
        }
        String text = SparkTables.isTextFile(input) ? SparkTables.TEXT_FILE_COLUMN : textColumn;
        if (!columns.contains(text)) {
            throw new IllegalArgumentException("--text-column: " + input + " has no column '" + text + "' (columns: " + columns + ")");
        }
        String id = idColumn != null ? idColumn : ID_NAMES.stream().filter(columns::contains).findFirst().orElse(null);
        Column body = raw.col(text).cast(DataTypes.StringType);
        if (titleColumn != null && columns.contains(titleColumn)) {
            Column title = raw.col(titleColumn).cast(DataTypes.StringType);
            body = functions.when(title.isNull().or(functions.trim(title).equalTo("")), body)
                    .otherwise(functions.concat_ws(" ", title, body));
        }
        Dataset<Row> documents = id != null
                ? raw.select(raw.col(id).cast(DataTypes.StringType).as(ID), body.as(TEXT))
                : numbered(spark, raw.select(body.as(TEXT)));
        requireComplete(documents, input, id);
        if (id != null) {
            requireUniqueIds(documents, input, id);
        }
        return documents;
    }

    /** Rows numbered from 1 in the file's order (Spark reads a file's splits in order). */
    private static Dataset<Row> numbered(SparkSession spark, Dataset<Row> texts) {
        JavaRDD<Row> rows = texts.javaRDD().zipWithIndex().map(t -> RowFactory.create(Long.toString(t._2() + 1), t._1().getString(0)));
        return spark.createDataFrame(rows, SCHEMA);
    }

    /** Refuses a file whose id column repeats an id: an index or an evaluation would keep only one of them. */
    private static void requireUniqueIds(Dataset<Row> documents, Path input, String id) {
        List<Row> repeated = documents.groupBy(ID).count().filter(functions.col("count").gt(1)).limit(1).collectAsList();
        if (!repeated.isEmpty()) {
            throw new IllegalArgumentException(input + ": " + id + " '" + repeated.get(0).getString(0) + "' appears "
                    + repeated.get(0).getLong(1) + " times; ids must be unique");
        }
    }

    private static void requireComplete(Dataset<Row> documents, Path input, String id) {
        List<Row> missing = documents.filter(documents.col(ID).isNull().or(documents.col(TEXT).isNull())).limit(1).collectAsList();
        if (missing.isEmpty()) {
            return;
        }
        Row row = missing.get(0);
        if (row.isNullAt(0)) {
            throw new IllegalArgumentException(input + ": a row has no " + id);
        }
        String which = id == null ? "row " + row.getString(0) : id + " '" + row.getString(0) + "'";
        throw new IllegalArgumentException(input + ": " + which + " has no text");
    }
}
