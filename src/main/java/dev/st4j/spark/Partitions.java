package dev.st4j.spark;

import org.apache.spark.api.java.JavaRDD;

/**
 * Enough partitions for every task slot to encode: a small file is one partition, and one partition is one
 * task, so rows of fewer partitions than Spark's default parallelism are spread over that many first.
 */
final class Partitions {
    private Partitions() {}

    /** {@code rows}, repartitioned over the default parallelism when they have fewer partitions. */
    static <T> JavaRDD<T> spread(JavaRDD<T> rows) {
        int slots = rows.context().defaultParallelism();
        return rows.getNumPartitions() < slots ? rows.repartition(slots) : rows;
    }
}
