package dev.st4j.view;

import dev.st4j.io.Uninterruptibly;
import dev.st4j.trainer.EvaluationLog;
import dev.st4j.trainer.StepLog;
import dev.st4j.trainer.TrainingListener;
import dev.st4j.trainer.TrainingPlan;
import dev.st4j.trainer.TrainingResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Shows a training run in a notebook cell: one figure updated in place as steps are logged, a metrics
 * table after each evaluation, notices, and a summary at the end. The figure is redrawn at most once a
 * second (its first update comes at once, its final state always at the end), so a long run stays
 * within Jupyter's output rate limits.
 */
public final class LiveTraining implements TrainingListener {
    private static final long MIN_UPDATE_NANOS = 1_000_000_000L;

    private final NotebookDisplay display;
    private final long minUpdateNanos;
    private final LongSupplier clock;
    private final TrainingCurves curves = new TrainingCurves();
    private String figureId;
    private Long lastUpdate;
    private boolean stale;
    private TrainingPlan plan;

    /** Shows the run on {@code display}. */
    public LiveTraining(NotebookDisplay display) {
        this(display, MIN_UPDATE_NANOS, System::nanoTime);
    }

    LiveTraining(NotebookDisplay display, long minUpdateNanos, LongSupplier clock) {
        this.display = display;
        this.minUpdateNanos = minUpdateNanos;
        this.clock = clock;
    }

    @Override
    public void onTrainBegin(TrainingPlan plan) {
        this.plan = plan;
        curves.totalSteps(plan.totalSteps());
        display.show(new Html("<p>Training <b>" + Html.escape(plan.model()) + "</b> (" + plan.kind().cliName() + ", "
                + Html.escape(plan.loss()) + ") on " + plan.trainExamples() + " examples, " + plan.totalSteps() + " steps"
                + (plan.validationExamples() > 0 ? ", validating on " + plan.validationExamples() + " examples" : "") + ".</p>"));
        figureId = display.show(render());
    }

    @Override
    public void onLog(StepLog log) {
        curves.add(log);
        refreshWhenDue();
    }

    @Override
    public void onEvaluation(EvaluationLog log) {
        curves.add(log);
        refreshWhenDue();
        display.show(MetricsTable.of(String.format("evaluation at step %d (epoch %.2f)%s", log.step(), log.epoch(),
                log.best() ? " — best so far" : ""), log.metrics()));
    }

    @Override
    public void onMessage(String message) {
        display.show(new Html("<p><i>" + Html.escape(message) + "</i></p>"));
    }

    @Override
    public void onTrainEnd(TrainingResult result) {
        if (stale) {
            refresh();
        }
        Map<String, Object> rows = new LinkedHashMap<>();
        rows.put("status", result.interrupted() ? "interrupted at step " + result.steps() + ": the model so far and the last checkpoint are kept"
                : result.stoppedEarly() ? "stopped early at step " + result.steps() : "finished");
        rows.put("steps", result.steps());
        rows.put("time (s)", result.seconds());
        rows.put("examples/s", result.examplesPerSecond());
        rows.put("mean training loss", result.meanLoss());
        if (plan != null && result.bestStep() != null && result.bestMetrics().containsKey(plan.primaryMetric())) {
            rows.put("best " + plan.primaryMetric() + " (step " + result.bestStep() + ")", result.bestMetrics().get(plan.primaryMetric()));
        }
        rows.put("model saved to", result.projectDir().normalize().toString());
        if (result.skippedSteps() > 0) {
            rows.put("updates skipped (non-finite gradient)", result.skippedSteps());
        }
        HtmlTable t = new HtmlTable("training summary", List.of("", "value"));
        rows.forEach(t::row);
        display.show(t.toHtml());
    }

    private void refreshWhenDue() {
        stale = true;
        if (lastUpdate == null || clock.getAsLong() - lastUpdate >= minUpdateNanos) {
            refresh();
        }
    }

    private void refresh() {
        if (figureId != null) {
            display.update(figureId, render());
        }
        stale = false;
        lastUpdate = clock.getAsLong();
    }

    /**
     * The figure, drawn on a thread of its own: Java2D and ImageIO can consume this thread's interrupt flag, and an
     * interrupt that arrived while they ran (the notebook's stop button) would be lost to the training loop.
     */
    private Png render() {
        try {
            return Uninterruptibly.run("st4j-figure", curves::render);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
