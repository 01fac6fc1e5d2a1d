package dev.st4j.trainer;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.st4j.data.Dataset;
import dev.st4j.model.SentenceTransformer;
import dev.st4j.ops.Autocast;
import dev.st4j.params.EvalStrategy;
import dev.st4j.params.MixedPrecision;
import dev.st4j.params.SentenceTransformersParams;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The training loop of one {@link TrainingRun}, to be read top to bottom: shuffle, forward and
 * backward per batch, an optimizer step per {@code gradient_accumulation} batches, then logging,
 * evaluation, early stopping and checkpoints; at the end the best model becomes the project's model.
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
        long start = System.nanoTime();
        BatchSampler sampler = BatchSampler.of(params.batchSampler(), run.train, plan.batchSize(), new Random(params.seed()));
        LossMeter losses = new LossMeter();
        int step = 0;
        int examples = 0;
        int skipped = 0;
        boolean stoppedEarly = false;
        boolean interrupted = false;
        try (AdamW optimizer = new AdamW(run.trainable, run.loss.parameters().keySet(), params.weightDecay(), run.model.manager())) {
            epochs:
            for (int epoch = 0; epoch < params.epochs(); epoch++) {
                List<List<Integer>> batches = sampler.nextEpoch();
                int accumulated = 0;
                int seen = 0;
                // no_duplicates may cut an epoch into more batches than planned; the schedule ends at its last step.
                for (int b = 0; b < batches.size() && step < plan.totalSteps(); b++) {
                    // Clears the flag: the model is saved next, and file channels refuse to write on an interrupted thread.
                    if (Thread.interrupted()) {
                        interrupted = true;
                        break epochs;
                    }
                    List<Integer> batch = batches.get(b);
                    losses.add(forwardBackward(batch)); // the costly part: forward, loss, backward
                    examples += batch.size();
                    seen += batch.size();
                    accumulated++;
                    if (accumulated < params.gradientAccumulation() && b < batches.size() - 1) {
                        continue;
                    }
                    accumulated = 0;
                    step++;
                    double lr = run.schedule.rate(step);
                    double gradNorm = optimizer.step(lr, params.maxGradNorm(), scaler == null ? 1.0 : scaler.scale());
                    if (!Double.isFinite(gradNorm)) {
                        skipped++;
                        String message = "step " + step + ": non-finite gradient, update skipped"
                                + (scaler == null ? "" : " (fp16 loss scale " + scaler.scale() + " halved)");
                        tell(l -> l.onMessage(message));
                    }
                    if (scaler != null) {
                        scaler.update(Double.isFinite(gradNorm));
                    }
                    double epochProgress = epoch + (double) seen / run.train.size();
                    if (step % plan.loggingSteps() == 0) {
                        double seconds = seconds(start);
                        StepLog log = new StepLog(step, plan.totalSteps(), epochProgress, losses.takeRecent(), lr, gradNorm,
                                seconds, examples / seconds);
                        tell(l -> l.onLog(log));
                    }
                    if (evaluatesAt(step) && evaluate(step, epochProgress)) {
                        stoppedEarly = true;
                        break epochs;
                    }
                }
                if (run.evaluator == null) {
                    checkpoints.save(run.model, step, history.stateJson(step, epoch + 1.0), false);
                }
            }
        }
        TrainingResult result = new TrainingResult(run.project, step, examples, seconds(start), losses.mean(), history.last(),
                history.best(), history.bestStep(), stoppedEarly, interrupted, skipped);
        saveFinalModel(step);
        ModelCard.write(run.project, params, plan, result);
        listeners.forEach(l -> l.onTrainEnd(result));
        return result;
    }

    /** One batch: embeddings of every column with dropout on, the loss, and its gradients (summed into the parameters'). */
    private double forwardBackward(List<Integer> batch) {
        Dataset train = run.train;
        SentenceTransformer model = run.model;
        try (NDManager scope = model.manager().newSubManager();
                GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            List<NDArray> embeddings = new ArrayList<>();
            try (Autocast precision = Autocast.fp16(scaler != null)) {
                for (int c = 0; c < train.texts().size(); c++) {
                    List<String> column = train.column(c);
                    embeddings.add(Autocast.toFloat32(model.embed(model.tokenize(batch.stream().map(column::get).toList(),
                            run.prompts.get(c)), scope, true)));
                }
            }
            NDArray targets = null;
            if (train.targets() != null) {
                float[] t = new float[batch.size()];
                for (int i = 0; i < t.length; i++) {
                    t[i] = (float) train.targets()[batch.get(i)];
                }
                targets = scope.create(t);
            }
            NDArray value = run.loss.compute(embeddings, targets);
            int accumulation = params.gradientAccumulation();
            double factor = (scaler == null ? 1.0 : scaler.scale()) / accumulation;
            collector.backward(factor == 1.0 ? value : value.mul(factor));
            return value.getFloat(); // waits for the device
        }
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

    /** Runs the evaluator, checkpoints, and reports whether early stopping says stop. */
    private boolean evaluate(int step, double epoch) throws IOException {
        EvaluationLog log = history.record(step, epoch, run.evaluator.evaluate(run.model));
        tell(l -> l.onEvaluation(log));
        Path dir = checkpoints.save(run.model, step, history.stateJson(step, epoch), log.best());
        tell(l -> l.onCheckpoint(dir));
        return early.update(log.primary());
    }

    /** The project's model: the best checkpoint's when validation found one earlier than the last step, else the current weights. */
    private void saveFinalModel(int step) throws IOException {
        Path best = checkpoints.best();
        if (best != null && history.bestStep() != step) {
            try (SentenceTransformer bestModel = SentenceTransformer.load(best)) {
                bestModel.save(run.project);
            }
        } else {
            run.model.save(run.project);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
