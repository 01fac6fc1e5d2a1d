package dev.st4j.spark;

/**
 * Whether this JVM can run Spark: its classes on the class path and, on Java 17, the module openings it needs.
 * Free of Spark's own types, so that it can be asked where Spark is absent; a command asks before it loads any
 * class that uses Spark.
 */
public final class SparkAvailability {
    private static final String SPARK_CLASS = "org.apache.spark.sql.SparkSession";

    private SparkAvailability() {}

    /** Refuses, in one line, a JVM without Spark on its class path or without the module openings Spark needs. */
    public static void require() {
        try {
            Class.forName(SPARK_CLASS, false, SparkAvailability.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Apache Spark is not on the class path; --spark and --embeddings need it (bin/st4j adds src/target/spark-lib; "
                    + "a Java application adds org.apache.spark:spark-sql_2.13, docs/scale.md)");
        }
        if (!Object.class.getModule().isOpen("sun.nio.ch", SparkAvailability.class.getModule())) {
            throw new IllegalStateException("this JVM lacks the --add-opens flags Spark needs on Java 17 "
                    + "(java @bin/spark-jvm.options ..., as bin/st4j starts it; docs/scale.md)");
        }
    }
}
