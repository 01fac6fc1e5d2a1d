package dev.st4j.trainer;

import dev.st4j.io.Uninterruptibly;
import dev.st4j.model.SentenceTransformer;
import dev.st4j.params.EvalStrategy;
import dev.st4j.params.MixedPrecision;
import dev.st4j.params.SentenceTransformersParams;
import dev.st4j.safetensors.SafetensorsReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The training loop of one {@link TrainingRun}, to be read top to bottom: shuffle, forward and
 * backward per batch, an optimizer step per {@code gradient_accumulation} batches, then logging,
 * evaluation, early stopping and checkpoints; at the end the best model becomes the project's model.
 * A resumed run first puts every stateful part back as its checkpoint holds it and replays the data
 * order up to the checkpoint, so that it goes on exactly as the uninterrupted run did.
 */
final class TrainingLoop {
    private final TrainingRun run;
    private final SentenceTransformersParams params;
    private final TrainingPlan plan;
    private final List<TrainingListener> listeners;
    private final Checkpoints checkpoints;
    private final EvaluationHistory history;
    private final EarlyStopping early;
    /** Present when the run trains in fp16 ({@code mixed_precision=fp16}). */
    private final LossScaler scaler;
    private final LossMeter losses = new LossMeter();
    private final LoopPosition at = new LoopPosition();
    private AdamW optimizer;
    private long start;
    /** Seconds a resumed run's earlier processes trained. */
    private double earlierSeconds;

    TrainingLoop(TrainingRun run, List<TrainingListener> listeners) {
        this.run = run;
        this.params = run.params;
        this.plan = run.plan;
        this.listeners = listeners;
        this.checkpoints = new Checkpoints(run.project, params.saveTotalLimit());
        boolean greaterIsBetter = run.evaluator == null || run.evaluator.greaterIsBetter();
        this.history = new EvaluationHistory(plan.primaryMetric(), greaterIsBetter);
        this.early = new EarlyStopping(params.earlyStoppingPatience(), params.earlyStoppingThreshold(), greaterIsBetter);
        this.scaler = params.mixedPrecision() == MixedPrecision.FP16 ? new LossScaler() : null;
    }

    TrainingResult run() throws IOException {
        tell(l -> l.onTrainBegin(plan));
        tell(l -> l.onMessage(run.engine));
        start = System.nanoTime();
        BatchSampler sampler = BatchSampler.of(params.batchSampler(), run.train, plan.batchSize(), new Random(params.seed()));
        BatchGradients gradients = BatchGradients.of(run, scaler != null);
        boolean interrupted = false;
        try (AdamW adamW = new AdamW(run.trainable, run.loss.parameters().keySet(), params.weightDecay(), run.model.manager())) {
            optimizer = adamW;
            if (run.resumeFrom != null) {
                resume();
            }
            for (int e = 0; e < at.epoch; e++) {
                sampler.nextEpoch(); // the data order of the epochs a resumed run has done
            }
            epochs:
            for (; at.epoch < params.epochs() && !at.stoppedEarly; at.epoch++, at.nextBatch = 0) {
                List<List<Integer>> batches = sampler.nextEpoch();
                boolean resumedAtItsEnd = at.nextBatch >= batches.size();
                int accumulated = 0;
                int seen = batches.subList(0, Math.min(at.nextBatch, batches.size())).stream().mapToInt(List::size).sum();
                // no_duplicates may cut an epoch into more batches than planned; the schedule ends at its last step.
                for (int b = at.nextBatch; b < batches.size() && at.step < plan.totalSteps(); b++) {
                    // Clears the flag: the model is saved next, and file channels refuse to write on an interrupted thread.
                    if (Thread.interrupted()) {
                        interrupted = true;
                        break epochs;
                    }
                    List<Integer> batch = batches.get(b);
                    double factor = (scaler == null ? 1.0 : scaler.scale()) / params.gradientAccumulation();
                    losses.add(gradients.accumulate(batch, factor, Objects.hash(params.seed(), at.epoch, b))); // the costly part
                    at.examples += batch.size();
                    seen += batch.size();
                    accumulated++;
                    if (accumulated < params.gradientAccumulation() && b < batches.size() - 1) {
                        continue;
                    }
                    accumulated = 0;
                    at.nextBatch = b + 1;
                    step(at.epoch + (double) seen / run.train.size());
                    if (at.stoppedEarly) {
                        break epochs;
                    }
                }
                if (run.evaluator == null && !resumedAtItsEnd) {
                    at.nextBatch = batches.size();
                    save(false, at.epoch + 1.0);
                }
            }
        }
        interrupted |= Thread.interrupted(); // one that came after the last check (during the last evaluation or save)
        TrainingResult result = new TrainingResult(run.project, at.step, at.examples, seconds(), losses.mean(), history.last(),
                history.best(), history.bestStep(), at.stoppedEarly, interrupted, at.skipped);
        Uninterruptibly.run("st4j-save", () -> {
            saveFinalModel();
            ModelCard.write(run.project, params, plan, result);
            return null;
        });
        listeners.forEach(l -> l.onTrainEnd(result));
        return result;
    }

    /** One optimizer step, then what follows it: the log line, evaluation and early stopping, checkpoints. */
    private void step(double epochProgress) throws IOException {
        at.step++;
        int step = at.step;
        double lr = run.schedule.rate(step);
        double gradNorm = optimizer.step(lr, params.maxGradNorm(), scaler == null ? 1.0 : scaler.scale());
        if (!Double.isFinite(gradNorm)) {
            at.skipped++;
            String message = "step " + step + ": non-finite gradient, update skipped"
                    + (scaler == null ? "" : " (fp16 loss scale " + scaler.scale() + " halved)");
            tell(l -> l.onMessage(message));
        }
        if (scaler != null) {
            scaler.update(Double.isFinite(gradNorm));
        }
        if (step % plan.loggingSteps() == 0) {
            double seconds = seconds();
            StepLog log = new StepLog(step, plan.totalSteps(), epochProgress, losses.takeRecent(), lr, gradNorm, seconds,
                    at.examples / seconds);
            tell(l -> l.onLog(log));
        }
        boolean saved = false;
        if (evaluatesAt(step)) {
            EvaluationLog log = history.record(step, epochProgress, run.evaluator.evaluate(run.model));
            tell(l -> l.onEvaluation(log));
            at.stoppedEarly = early.update(log.primary());
            save(log.best(), epochProgress);
            saved = true;
        }
        if (!saved && params.saveSteps() > 0 && step % params.saveSteps() == 0) {
            save(false, epochProgress);
        }
    }

    /** A checkpoint of everything needed to go on from here. */
    private void save(boolean isBest, double epoch) throws IOException {
        at.seconds = seconds();
        Checkpoints.Contents contents = new Checkpoints.Contents(params.toBuilder().batchSize(plan.batchSize()).build(),
                history.stateJson(at.step, epoch), state(), optimizer, run.loss.parameters());
        // An interrupt that lands before or during the save stops the loop at its next check; it cannot break the write.
        Path dir = Uninterruptibly.run("st4j-checkpoint", () -> checkpoints.save(run.model, at.step, contents, isBest));
        tell(l -> l.onCheckpoint(dir));
    }

    /** The loop's stateful parts, by the names {@code training_state.json} gives them. */
    private TrainingState state() {
        return new TrainingState().with("position", at).with("losses", losses).with("loss_scaler", scaler)
                .with("early_stopping", early).with("evaluations", history);
    }

    /** Puts the loop back where the checkpoint it resumes from left it. */
    private void resume() throws IOException {
        state().read(run.resumeFrom);
        checkpoints.adopt(at.step, history.bestStep());
        try (var scratch = run.model.manager().newSubManager()) {
            optimizer.restore(SafetensorsReader.read(run.resumeFrom.resolve(Checkpoints.OPTIMIZER_FILE), scratch), at.step - at.skipped);
        }
        start = System.nanoTime();
        earlierSeconds = at.seconds;
        tell(l -> l.onMessage("resumed from " + run.resumeFrom.getFileName() + " (step " + at.step + " of " + plan.totalSteps() + ")"));
    }

    /**
     * Calls each listener with the thread's interrupt flag held aside and set again after: an interrupt that arrived
     * during the step must stop the loop at its next check, and a listener's work (rendering a figure, a tracker's
     * HTTP call) can clear the flag on its way, or fail on it.
     */
    private void tell(Consumer<TrainingListener> event) {
        for (TrainingListener listener : listeners) {
            boolean interrupted = Thread.interrupted();
            try {
                event.accept(listener);
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private boolean evaluatesAt(int step) {
        if (run.evaluator == null) {
            return false;
        }
        return params.evalStrategy() == EvalStrategy.STEPS ? step % plan.loggingSteps() == 0 : step % plan.stepsPerEpoch() == 0;
    }

    /** The project's model: the best checkpoint's when validation found one earlier than the last step, else the current weights. */
    private void saveFinalModel() throws IOException {
        Path best = checkpoints.best();
        if (best != null && !Objects.equals(history.bestStep(), at.step)) {
            try (SentenceTransformer bestModel = SentenceTransformer.load(best)) {
                bestModel.save(run.project);
            }
        } else {
            run.model.save(run.project);
        }
    }

    /** Seconds of training so far, a resumed run's earlier part included. */
    private double seconds() {
        return earlierSeconds + (System.nanoTime() - start) / 1e9;
    }
}
