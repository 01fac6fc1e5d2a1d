package dev.st4j.cli;

import dev.st4j.spark.SparkSessions;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/** {@code --spark} and {@code --master}: run a command's work on Apache Spark; shared by {@code encode} and {@code mine-hard-negatives}. */
final class SparkFlags {
    @Option(names = "--spark", description = "Run on Apache Spark: local[*] in this JVM unless --master names a cluster (docs/scale.md).")
    boolean enabled;

    @Option(names = "--master", description = "Spark master URL with --spark (default: local[*], or spark-submit's).")
    String master;

    /** Refuses {@code --master} without {@code --spark}. */
    void validate() {
        if (master != null && !enabled) {
            throw new IllegalArgumentException("--master applies only with --spark");
        }
    }

    /** The session these flags ask for. */
    SparkSession session() {
        return SparkSessions.start(master);
    }
}
