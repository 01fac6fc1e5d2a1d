package dev.st4j.testing;

import dev.st4j.spark.SparkSessions;
import org.apache.spark.sql.SparkSession;

/**
 * The test JVM's Spark session, {@code local[*]} as the command line's default (two task slots on CI's two
 * cores): the one running if it is that, else a new one (a test may have stopped it, or run another master).
 */
public final class LocalSpark {
    /** The master of the tests' session; command-line tests pass it as {@code --master}. */
    public static final String MASTER = SparkSessions.LOCAL;

    private LocalSpark() {}

    /** The session. */
    public static synchronized SparkSession session() {
        SparkSession running = SparkSession.getDefaultSession().getOrElse(() -> null);
        if (running != null && !running.sparkContext().isStopped() && MASTER.equals(running.sparkContext().master())) {
            return running;
        }
        return SparkSessions.restart(MASTER);
    }
}
