package dev.st4j.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The Spark session st4j's distributed commands run in: {@code local[*]} inside this JVM unless a master URL is
 * given, with Spark's own logging kept to warnings; and the checks that say, in one line, what a JVM lacks.
 */
public final class SparkSessions {
    /** The default master: every core of this JVM's machine, nothing to install. */
    public static final String LOCAL = "local[*]";

    private static final String SPARK_CLASS = "org.apache.spark.sql.SparkSession";

    private SparkSessions() {}

    /**
     * The session for {@code master} (null: spark-submit's, else {@link #LOCAL}). A session already running in
     * this JVM is reused when it runs on that master; Spark allows one per JVM, so another master is refused.
     */
    public static SparkSession start(String master) {
        requireSpark();
        SparkSession running = SparkSession.getDefaultSession().getOrElse(() -> null);
        if (running != null && !running.sparkContext().isStopped()) {
            if (master != null && !master.equals(running.sparkContext().master())) {
                throw new IllegalStateException("--master " + master + ": this JVM already runs a Spark session on "
                        + running.sparkContext().master() + " (one per JVM)");
            }
            return running;
        }
        quietLogs(master == null || master.startsWith("local"));
        SparkSession.Builder builder = SparkSession.builder().appName("st4j")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.shuffle.partitions", "8");
        if (master != null || System.getProperty("spark.master") == null) {
            builder.master(master == null ? LOCAL : master);
        }
        return builder.getOrCreate();
    }

    /** A new session on {@code master}: a session already running in this JVM (one per JVM) is stopped first. */
    public static SparkSession restart(String master) {
        requireSpark();
        SparkSession.getDefaultSession().foreach(session -> {
            session.stop();
            return null;
        });
        SparkSession.clearActiveSession();
        SparkSession.clearDefaultSession();
        return start(master);
    }

    /** Refuses, in one line, a JVM without Spark on its class path or without the module openings Spark needs. */
    public static void requireSpark() {
        try {
            Class.forName(SPARK_CLASS, false, SparkSessions.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("--spark: Apache Spark is not on the class path (bin/st4j adds kernel-ext/target/spark-lib; "
                    + "a Java application adds org.apache.spark:spark-sql_2.13, docs/scale.md)");
        }
        if (!Object.class.getModule().isOpen("sun.nio.ch", SparkSessions.class.getModule())) {
            throw new IllegalStateException("--spark: this JVM lacks the --add-opens flags Spark needs on Java 17 "
                    + "(java @bin/spark-jvm.options ..., as bin/st4j starts it; docs/scale.md)");
        }
    }

    /**
     * Spark, Hadoop and Parquet log through st4j's slf4j-simple at warning level unless the user set a level; in
     * local mode, without the warning that the host name is a loopback address (no other host takes part).
     */
    private static void quietLogs(boolean local) {
        quiet("org.apache.spark", "warn");
        quiet("org.sparkproject", "warn");
        quiet("org.apache.parquet", "warn");
        quiet("org.apache.hadoop", "error");
        if (local) {
            quiet("org.apache.spark.util.Utils", "error");
        }
    }

    private static void quiet(String logger, String level) {
        String key = "org.slf4j.simpleLogger.log." + logger;
        if (System.getProperty(key) == null) {
            System.setProperty(key, level);
        }
    }
}
