package dev.st4j.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A data file as a Spark {@code Dataset<Row>}, its format known by its name: CSV with a header (quoted fields may
 * span lines), JSON Lines, Parquet (a file or a folder of parts), or text (a {@code value} column, a row per line).
 */
public final class SparkTables {
    /** The one column of a text file's rows. */
    public static final String TEXT_FILE_COLUMN = "value";

    private SparkTables() {}

    /** The rows of {@code file}; {@code flag} names the option it came from in the one-line errors. */
    public static Dataset<Row> read(SparkSession spark, Path file, String flag) {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(flag + " " + file + ": no such file or folder");
        }
        String path = file.toAbsolutePath().toString();
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isDirectory(file) || name.endsWith(".parquet")) {
            return spark.read().parquet(path);
        }
        if (name.endsWith(".csv")) {
            return spark.read().option("header", "true").option("multiLine", "true").option("escape", "\"").csv(path);
        }
        if (name.endsWith(".jsonl") || name.endsWith(".json")) {
            return spark.read().option("mode", "FAILFAST").json(path);
        }
        if (isTextFile(file)) {
            return spark.read().text(path);
        }
        throw new IllegalArgumentException(flag + " " + file + ": expected a .txt, .csv, .jsonl/.json or .parquet file or a Parquet folder");
    }

    /** Whether {@code file} is read as text, a row per line. */
    static boolean isTextFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !Files.isDirectory(file) && (name.endsWith(".txt") || name.endsWith(".text"));
    }
}
