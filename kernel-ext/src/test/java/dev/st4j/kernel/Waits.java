package dev.st4j.kernel;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Polls a condition until it holds or a time limit passes. */
final class Waits {
    private Waits() {}

    /** Waits until {@code condition} is true, checking every half second; fails with the last error after {@code limit}. */
    static void until(Duration limit, Callable<Boolean> condition) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        Exception last = null;
        while (System.nanoTime() < end) {
            try {
                if (condition.call()) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("timed out after " + limit + (last == null ? "" : ": " + last.getMessage()));
    }
}
