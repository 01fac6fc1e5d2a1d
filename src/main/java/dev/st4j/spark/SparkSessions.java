package dev.st4j.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The Spark session st4j's distributed commands run in: {@code local[*]} inside this JVM unless a master URL is
 * given, with Spark's own logging kept to warnings.
 */
public final class SparkSessions {
    /** The default master: every core of this JVM's machine, nothing to install. */
    public static final String LOCAL = "local[*]";

    private SparkSessions() {}

    /**
     * The session for {@code master} (null: spark-submit's, else {@link #LOCAL}). A session already running in
     * this JVM is reused when it runs on that master; Spark allows one per JVM, so another master is refused.
     */
    public static SparkSession start(String master) {
        SparkAvailability.require();
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
        SparkAvailability.require();
        SparkSession.getDefaultSession().foreach(session -> {
            session.stop();
            return null;
        });
        SparkSession.clearActiveSession();
        SparkSession.clearDefaultSession();
        return start(master);
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
