package dev.st4j.cli;

import dev.st4j.spark.SparkAvailability;
import picocli.CommandLine.Option;

/** {@code --spark} and {@code --master}: run a command's work on Apache Spark; shared by {@code encode} and {@code mine-hard-negatives}. */
final class SparkFlags {
    @Option(names = "--spark", description = "Run on Apache Spark: local[*] in this JVM unless --master names a cluster (docs/scale.md).")
    boolean enabled;

    @Option(names = "--master", description = "Spark master URL with --spark (default: local[*], or spark-submit's).")
    String master;

    /** Refuses {@code --master} without {@code --spark}, and {@code --spark} where this JVM cannot run Spark. */
    void validate() {
        if (master != null && !enabled) {
            throw new IllegalArgumentException("--master applies only with --spark");
        }
        if (enabled) {
            SparkAvailability.require();
        }
    }
}
