package dev.st4j.trainer;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Shows a run's progress on a terminal: a progress bar redrawn in place with step, loss and ETA on a
 * terminal, plain log lines otherwise (files, CI).
 */
public final class ConsoleReporter implements TrainingListener {
    private static final int WIDTH = 24;
    private final PrintStream out;
    private final boolean terminal;
    private TrainingPlan plan;

    /** A reporter on {@code out}; {@code terminal} selects the redrawn bar. */
    public ConsoleReporter(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** A reporter on standard error, with a bar when it is a terminal. */
    public static ConsoleReporter onStandardError() {
        return new ConsoleReporter(System.err, System.console() != null);
    }

    @Override
    public void onTrainBegin(TrainingPlan p) {
        plan = p;
        out.printf(Locale.ROOT, "train: %s with %s on %d examples: %d epochs x %d steps (batch %d, warm-up %d)%n",
                p.kind(), p.loss(), p.trainExamples(), p.epochs(), p.stepsPerEpoch(), p.batchSize(), p.warmupSteps());
    }

    @Override
    public void onLog(StepLog log) {
        double eta = log.step() == 0 ? 0 : log.elapsedSeconds() / log.step() * (log.totalSteps() - log.step());
        String text = String.format(Locale.ROOT, "step %d/%d  epoch %.2f  loss %.4f  lr %.2e  %.1f ex/s  eta %s",
                log.step(), log.totalSteps(), log.epoch(), log.loss(), log.learningRate(), log.examplesPerSecond(), clock(eta));
        if (terminal) {
            int filled = (int) Math.round((double) log.step() / log.totalSteps() * WIDTH);
            out.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + text);
            out.flush();
        } else {
            out.println("train: " + text);
        }
    }

    @Override
    public void onEvaluation(EvaluationLog log) {
        if (terminal) {
            out.println();
        }
        out.printf(Locale.ROOT, "eval: step %d  %s = %.4f%s%n", log.step(), log.primaryMetric(), log.primary(), log.best() ? "  (best)" : "");
    }

    @Override
    public void onMessage(String message) {
        if (terminal) {
            out.println();
        }
        out.println("train: " + message);
    }

    @Override
    public void onTrainEnd(TrainingResult r) {
        if (terminal) {
            out.println();
        }
        out.printf(Locale.ROOT, "train: %s after %d steps in %s (%.1f examples/s); model saved to %s%n",
                r.interrupted() ? "interrupted" : r.stoppedEarly() ? "stopped early" : "done", r.steps(), clock(r.seconds()),
                r.examplesPerSecond(), r.projectDir());
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
}
