package dev.st4j.trainer;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.st4j.data.Dataset;
import dev.st4j.eval.Evaluator;
import dev.st4j.eval.Evaluators;
import dev.st4j.eval.InformationRetrievalEvaluator;
import dev.st4j.kind.TrainerKind;
import dev.st4j.loss.Loss;
import dev.st4j.loss.Losses;
import dev.st4j.resolve.ModelResolver;
import dev.st4j.model.SentenceTransformer;
import dev.st4j.params.ParamsIo;
import dev.st4j.params.ParamsValidator;
import dev.st4j.params.SentenceTransformersParams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Fine-tunes a sentence-transformers model as AutoTrain's sentence-transformers task does: reads the
 * data, loads the model, and runs the loop (AdamW, schedule, accumulation, clipping, evaluation, early
 * stopping, checkpoints), then writes the model, its parameters, a JSONL log and a model card into
 * {@code project_name/}. Progress leaves only through {@link TrainingListener}s.
 */
public final class Trainer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EVAL_BATCH = 32;

    private final SentenceTransformersParams params;
    private final List<TrainingListener> listeners;

    /** A trainer for {@code params}, reporting to {@code listeners}. */
    public Trainer(SentenceTransformersParams params, List<TrainingListener> listeners) {
        this.params = params;
        this.listeners = List.copyOf(listeners);
    }

    /** Whether DJL sees a GPU. */
    public static boolean gpuAvailable() {
        return Engine.getInstance().getGpuCount() > 0;
    }

    /**
     * Validates the parameters, reads the data, then trains; with {@code auto_find_batch_size}, a run
     * that runs out of memory is restarted with half the batch.
     */
    public TrainingResult train() throws IOException {
        ParamsValidator.validate(params, Trainer::gpuAvailable);
        TrainerKind kind = TrainerKind.parse(params.trainer());
        TrainingData data = TrainingData.read(params, kind);
        int batch = params.batchSize();
        while (true) {
            try {
                return run(kind, data, batch, listeners);
            } catch (EngineException e) {
                boolean oom = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).matches("(?s).*(out of memory|bad_alloc).*");
                if (!params.autoFindBatchSize() || !oom || batch == 1) {
                    throw e;
                }
                batch = batch / 2;
                System.err.println("train: out of memory; retrying with batch_size " + batch);
            }
        }
    }

    private TrainingResult run(TrainerKind kind, TrainingData data, int batchSize, List<TrainingListener> listeners)
            throws IOException {
        Path project = Path.of(params.projectName());
        Files.createDirectories(project);
        ParamsIo.writeJson(project.resolve("training_params.json"), params.toBuilder().batchSize(batchSize).build());
        Engine.getInstance().setRandomSeed(params.seed());
        Dataset train = data.train();
        int n = train.size();
        int batchesPerEpoch = (n + batchSize - 1) / batchSize;
        int stepsPerEpoch = Math.max(1, batchesPerEpoch / params.gradientAccumulation());
        int totalSteps = stepsPerEpoch * params.epochs();
        int warmup = LearningRateSchedule.warmupSteps(params.warmupRatio(), totalSteps);
        LearningRateSchedule schedule = new LearningRateSchedule(params.scheduler(), totalSteps, warmup, params.lr());
        int loggingSteps = params.loggingSteps() > 0 ? params.loggingSteps() : autoLoggingSteps(data, n, batchSize);

        Device device = "cpu".equals(params.device()) ? Device.cpu() : Engine.getInstance().defaultDevice();
        try (SentenceTransformer model = SentenceTransformer.load(new ModelResolver(System.getenv(), params.token(), null)
                .resolve(params.model()), device);
                NDManager lossManager = model.manager().newSubManager()) {
            model.setMaxSeqLength(params.maxSeqLength());
            int numLabels = train.labels() == null ? 0 : train.labels().size();
            Loss loss = Losses.create(kind.loss(), lossManager, model.dimension(), numLabels, params.seed());
            Evaluator evaluator = evaluator(kind, data, loss);
            Map<String, NDArray> trainable = new LinkedHashMap<>(model.parameters());
            trainable.putAll(loss.parameters());
            TrainingPlan plan = new TrainingPlan(kind, params.model(), loss.name(), n, data.validationSize(), params.epochs(),
                    batchSize, stepsPerEpoch, totalSteps, warmup, loggingSteps, evaluator == null ? null : evaluator.primaryMetric());
            listeners.forEach(l -> l.onTrainBegin(plan));
            Loop loop = new Loop(model, loss, evaluator, schedule, plan, project, listeners);
            try (AdamW optimizer = new AdamW(trainable, loss.parameters().keySet(), params.weightDecay(), model.manager())) {
                return loop.run(optimizer, train);
            }
        }
    }

    private Evaluator evaluator(TrainerKind kind, TrainingData data, Loss loss) {
        if ("no".equals(params.evalStrategy())) {
            return null;
        }
        if (data.retrieval() != null) {
            var r = data.retrieval();
            return new InformationRetrievalEvaluator(r.queries(), r.corpus(), r.relevant(), EVAL_BATCH);
        }
        return data.validation() == null ? null : Evaluators.forSplit(kind, data.validation(), loss, EVAL_BATCH);
    }

    /** AutoTrain's choice for logging_steps = -1: a fifth of the validation (else training) batches, within 1..25. */
    static int autoLoggingSteps(TrainingData data, int trainSize, int batchSize) {
        int basis = data.validationSize() > 0 ? data.validationSize() : trainSize;
        return Math.max(1, Math.min(25, (int) (0.2 * basis / batchSize)));
    }

    /** The state of one run: its loop fits on a screen. */
    private final class Loop {
        private final SentenceTransformer model;
        private final Loss loss;
        private final Evaluator evaluator;
        private final LearningRateSchedule schedule;
        private final TrainingPlan plan;
        private final Path project;
        private final Checkpoints checkpoints;
        private final EarlyStopping early;
        private final List<Map<String, Object>> history = new ArrayList<>();
        private Map<String, Double> lastMetrics = Map.of();
        private Map<String, Double> bestMetrics;
        private Integer bestStep;
        private final List<TrainingListener> listeners;

        Loop(SentenceTransformer model, Loss loss, Evaluator evaluator, LearningRateSchedule schedule, TrainingPlan plan,
                Path project, List<TrainingListener> listeners) {
            this.listeners = listeners;
            this.model = model;
            this.loss = loss;
            this.evaluator = evaluator;
            this.schedule = schedule;
            this.plan = plan;
            this.project = project;
            this.checkpoints = new Checkpoints(project, params.saveTotalLimit());
            this.early = new EarlyStopping(params.earlyStoppingPatience(), params.earlyStoppingThreshold(),
                    evaluator == null || evaluator.greaterIsBetter());
        }

        TrainingResult run(AdamW optimizer, Dataset train) throws IOException {
            long start = System.nanoTime();
            Random order = new Random(params.seed());
            List<Integer> indices = new ArrayList<>();
            for (int i = 0; i < train.size(); i++) {
                indices.add(i);
            }
            int accumulation = params.gradientAccumulation();
            double lossSinceLog = 0;
            double lossTotal = 0;
            int batchesSinceLog = 0;
            int batchesTotal = 0;
            int examples = 0;
            int step = 0;
            int skipped = 0;
            boolean stopped = false;
            boolean interrupted = false;
            double gradNorm = 0;
            epochs:
            for (int epoch = 0; epoch < params.epochs(); epoch++) {
                Collections.shuffle(indices, order);
                int accumulated = 0;
                for (int b = 0; b < indices.size(); b += plan.batchSize()) {
                    // Clears the flag: the model is saved next, and file channels refuse to write on an interrupted thread.
                    if (Thread.interrupted()) {
                        interrupted = true;
                        break epochs;
                    }
                    List<Integer> batch = indices.subList(b, Math.min(indices.size(), b + plan.batchSize()));
                    double value = forwardBackward(train, batch, accumulation);
                    lossSinceLog += value;
                    lossTotal += value;
                    batchesSinceLog++;
                    batchesTotal++;
                    examples += batch.size();
                    accumulated++;
                    boolean lastOfEpoch = b + plan.batchSize() >= indices.size();
                    if (accumulated < accumulation && !lastOfEpoch) {
                        continue;
                    }
                    if (step >= plan.totalSteps()) {
                        optimizer.zeroGradients();
                        accumulated = 0;
                        continue;
                    }
                    step++;
                    double lr = schedule.rate(step);
                    gradNorm = optimizer.step(lr, params.maxGradNorm());
                    if (!Double.isFinite(gradNorm)) {
                        skipped++;
                        System.err.println("train: step " + step + ": non-finite gradient, update skipped");
                    }
                    accumulated = 0;
                    double epochProgress = epoch + (double) Math.min(indices.size(), b + plan.batchSize()) / indices.size();
                    if (step % plan.loggingSteps() == 0) {
                        StepLog log = new StepLog(step, plan.totalSteps(), epochProgress, lossSinceLog / batchesSinceLog, lr,
                                gradNorm, seconds(start), examples / seconds(start));
                        lossSinceLog = 0;
                        batchesSinceLog = 0;
                        listeners.forEach(l -> l.onLog(log));
                    }
                    boolean evalNow = evaluator != null && ("steps".equals(params.evalStrategy())
                            ? step % plan.loggingSteps() == 0 : step % plan.stepsPerEpoch() == 0);
                    if (evalNow && evaluate(step, epochProgress)) {
                        stopped = true;
                        break epochs;
                    }
                }
                if (evaluator == null) {
                    checkpoints.save(model, step, state(step, epoch + 1.0), false);
                }
            }
            return finish(step, examples, seconds(start), batchesTotal == 0 ? 0 : lossTotal / batchesTotal, stopped, interrupted, skipped);
        }

        /** One batch: embeddings of every column with dropout on, the loss, and its gradients (summed into the parameters'). */
        private double forwardBackward(Dataset train, List<Integer> batch, int accumulation) {
            try (NDManager scope = model.manager().newSubManager();
                    GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                List<NDArray> embeddings = new ArrayList<>();
                for (int c = 0; c < train.texts().size(); c++) {
                    List<String> column = train.column(c);
                    embeddings.add(model.embed(model.tokenize(batch.stream().map(column::get).toList()), scope, true));
                }
                NDArray targets = null;
                if (train.targets() != null) {
                    float[] t = new float[batch.size()];
                    for (int i = 0; i < t.length; i++) {
                        t[i] = (float) train.targets()[batch.get(i)];
                    }
                    targets = scope.create(t);
                }
                NDArray value = loss.compute(embeddings, targets);
                collector.backward(accumulation > 1 ? value.div(accumulation) : value);
                return value.getFloat();
            }
        }

        /** Runs the evaluator, checkpoints, and reports whether early stopping says stop. */
        private boolean evaluate(int step, double epoch) throws IOException {
            Map<String, Double> metrics = evaluator.evaluate(model);
            double primary = metrics.get(evaluator.primaryMetric());
            boolean best = bestMetrics == null || (evaluator.greaterIsBetter()
                    ? primary > bestMetrics.get(evaluator.primaryMetric()) : primary < bestMetrics.get(evaluator.primaryMetric()));
            lastMetrics = metrics;
            if (best) {
                bestMetrics = metrics;
                bestStep = step;
            }
            EvaluationLog log = new EvaluationLog(step, epoch, metrics, evaluator.primaryMetric(), best);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("step", step);
            entry.put("epoch", epoch);
            entry.putAll(metrics);
            history.add(entry);
            listeners.forEach(l -> l.onEvaluation(log));
            Path dir = checkpoints.save(model, step, state(step, epoch), best);
            listeners.forEach(l -> l.onCheckpoint(dir));
            return early.update(primary);
        }

        private String state(int step, double epoch) throws IOException {
            ObjectNode s = JSON.createObjectNode();
            s.put("global_step", step);
            s.put("epoch", epoch);
            s.put("best_step", bestStep);
            s.put("best_metric", bestMetrics == null || evaluator == null ? null : bestMetrics.get(evaluator.primaryMetric()));
            s.set("eval_history", JSON.valueToTree(history));
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(s);
        }

        private TrainingResult finish(int step, int examples, double seconds, double meanLoss, boolean stopped, boolean interrupted,
                int skipped) throws IOException {
            Path best = checkpoints.best();
            if (best != null && bestStep != step) {
                try (SentenceTransformer bestModel = SentenceTransformer.load(best)) {
                    bestModel.save(project);
                }
            } else {
                model.save(project);
            }
            TrainingResult result = new TrainingResult(project, step, examples, seconds, meanLoss, lastMetrics,
                    bestMetrics == null ? Map.of() : bestMetrics, bestStep, stopped, interrupted, skipped);
            ModelCard.write(project, params, plan, result);
            listeners.forEach(l -> l.onTrainEnd(result));
            return result;
        }

        private double seconds(long start) {
            return (System.nanoTime() - start) / 1e9;
        }
    }
}
