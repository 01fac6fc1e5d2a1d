package dev.st4j.spark;

import dev.st4j.index.IndexDocument;
import dev.st4j.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Embeddings as Parquet: the folder {@code st4j encode --spark} writes (id, optional text, {@code array<float>}
 * embedding, and {@link EmbeddingsManifest}) and {@code st4j index build --embeddings} reads. A folder appears complete or not at all: Spark
 * writes it under a temporary name beside the target, and it is renamed when the job has succeeded.
 */
public final class EmbeddingsParquet {
    private static final String SUCCESS = "_SUCCESS";

    private EmbeddingsParquet() {}

    /**
     * Writes {@code embeddings} to the folder {@code out} with their manifest (null: none), replacing an earlier
     * output there; returns the row count.
     */
    public static long write(Dataset<Row> embeddings, EmbeddingsManifest manifest, Path out) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        if (Files.exists(target) && !isOutput(target) && !AtomicFiles.isEmptyFolder(target)) {
            throw new IOException("--output " + out + " exists and is not a Parquet folder st4j wrote; choose another folder");
        }
        Path work = AtomicFiles.stagingFolder(target);
        try {
            embeddings.write().mode(SaveMode.Overwrite).parquet(work.toString());
            if (manifest != null) {
                manifest.write(work);
            }
            AtomicFiles.replaceFolder(work, target);
            return embeddings.sparkSession().read().parquet(target.toString()).count();
        } finally {
            AtomicFiles.deleteTree(work);
        }
    }

    /**
     * The documents of an embeddings folder, one at a time in the folder's order (a partition at a time reaches
     * this JVM), for an index to be built from them.
     */
    public static Iterator<IndexDocument> documents(SparkSession spark, Path folder) {
        if (!isOutput(folder)) {
            throw new IllegalArgumentException("--embeddings " + folder + ": not a Parquet folder of st4j encode --spark (no " + SUCCESS + ")");
        }
        Dataset<Row> rows = spark.read().parquet(folder.toAbsolutePath().toString());
        List<String> columns = Arrays.asList(rows.columns());
        for (String required : List.of(SparkDocuments.ID, SparkEncoder.EMBEDDING)) {
            if (!columns.contains(required)) {
                throw new IllegalArgumentException("--embeddings " + folder + ": no column '" + required + "' (columns: " + columns + ")");
            }
        }
        boolean texts = columns.contains(SparkDocuments.TEXT);
        Dataset<Row> selected = texts ? rows.select(SparkDocuments.ID, SparkEncoder.EMBEDDING, SparkDocuments.TEXT)
                : rows.select(SparkDocuments.ID, SparkEncoder.EMBEDDING);
        Iterator<Row> it = selected.toLocalIterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public IndexDocument next() {
                Row row = it.next();
                return new IndexDocument(row.getString(0), texts ? row.getString(2) : null, floats(row.getList(1)));
            }
        };
    }

    /** An embedding column's value ({@code row.getList(i)}) as a Java array. */
    public static float[] floats(List<Float> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    private static boolean isOutput(Path folder) {
        return Files.isRegularFile(folder.resolve(SUCCESS));
    }
}
