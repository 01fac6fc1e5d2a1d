package dev.st4j.testing;

import dev.st4j.spark.SparkSessions;
import org.apache.spark.sql.SparkSession;

/** The test JVM's Spark session, {@code local[2]} as on CI's two cores; started on first use, again if a test stopped it. */
public final class LocalSpark {
    private static SparkSession session;

    private LocalSpark() {}

    /** The session, started on first use. */
    public static synchronized SparkSession session() {
        if (session == null || session.sparkContext().isStopped()) {
            session = SparkSessions.start("local[2]");
        }
        return session;
    }
}
