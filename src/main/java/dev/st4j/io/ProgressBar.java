package dev.st4j.io;

import java.io.PrintStream;
import java.time.Duration;

/** A one-line text progress bar redrawn in place on a terminal, or silent elsewhere. */
public final class ProgressBar implements AutoCloseable {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final String label;
    private final long total;
    private final long startNanos = System.nanoTime();
    private long done;

    /** A bar for {@code total} units, drawn on {@code out}, or null for none. */
    public ProgressBar(PrintStream out, String label, long total) {
        this.out = out;
        this.label = label;
        this.total = total;
    }

    /** A bar on standard error when it is a terminal, else a silent one. */
    public static ProgressBar onTerminal(String label, long total, boolean wanted) {
        return new ProgressBar(wanted && System.console() != null ? System.err : null, label, total);
    }

    /** Advances by {@code n} units and redraws. */
    public void step(long n) {
        done += n;
        if (out == null) {
            return;
        }
        double frac = total == 0 ? 1 : Math.min(1.0, (double) done / total);
        int filled = (int) Math.round(frac * WIDTH);
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        long eta = done == 0 ? 0 : (long) (elapsed / done * (total - done));
        out.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total
                + " " + format(Duration.ofSeconds((long) elapsed)) + "<" + format(Duration.ofSeconds(eta)));
        out.flush();
    }

    private static String format(Duration d) {
        return String.format("%02d:%02d", d.toMinutes(), d.toSecondsPart());
    }

    @Override
    public void close() {
        if (out != null) {
            out.println();
        }
    }
}
