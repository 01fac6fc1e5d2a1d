package dev.st4j.trainer;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.st4j.data.Dataset;
import dev.st4j.engine.EngineNotice;
import dev.st4j.eval.Evaluator;
import dev.st4j.eval.Evaluators;
import dev.st4j.eval.MatryoshkaEvaluator;
import dev.st4j.kind.TrainerKind;
import dev.st4j.loss.CachedMultipleNegativesRankingLoss;
import dev.st4j.loss.Loss;
import dev.st4j.loss.Losses;
import dev.st4j.loss.MatryoshkaLoss;
import dev.st4j.model.SentenceTransformer;
import dev.st4j.params.DeviceChoice;
import dev.st4j.params.EvalStrategy;
import dev.st4j.params.LossChoice;
import dev.st4j.params.ParamsIo;
import dev.st4j.params.SentenceTransformersParams;
import dev.st4j.params.TrainingPrompts;
import dev.st4j.resolve.ModelResolver;
import dev.st4j.safetensors.SafetensorsReader;
import dev.st4j.similarity.SimilarityFunction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a training loop needs, prepared before its first step: the project folder with its
 * {@code training_params.json}, the model on its device, the loss, the evaluator, the trainable
 * tensors, the schedule and the plan. Owns the model's and the loss's native memory, and the project's lock.
 */
final class TrainingRun implements AutoCloseable {
    private static final int EVAL_BATCH = 32;

    final SentenceTransformersParams params;
    final Path project;
    final Dataset train;
    final SentenceTransformer model;
    final Loss loss;
    final Evaluator evaluator;
    final Map<String, NDArray> trainable;
    final LearningRateSchedule schedule;
    final TrainingPlan plan;
    /** The one line naming the engine and device this run uses. */
    final String engine;
    /** The prompt put before each text column's texts (null entries: none). */
    final List<String> prompts;
    /** The checkpoint this run continues from, or null for a fresh run. */
    final Path resumeFrom;
    private final NDManager lossManager;
    private final ProjectLock lock;

    private TrainingRun(SentenceTransformersParams params, Path project, Dataset train, SentenceTransformer model,
            NDManager lossManager, Loss loss, Evaluator evaluator, Map<String, NDArray> trainable, LearningRateSchedule schedule,
            TrainingPlan plan, String engine, Path resumeFrom, ProjectLock lock) {
        this.params = params;
        this.lock = lock;
        this.resumeFrom = resumeFrom;
        this.engine = engine;
        this.prompts = TrainingPrompts.forColumns(params.prompts(), train.columnNames().subList(0, train.texts().size()));
        this.project = project;
        this.train = train;
        this.model = model;
        this.lossManager = lossManager;
        this.loss = loss;
        this.evaluator = evaluator;
        this.trainable = trainable;
        this.schedule = schedule;
        this.plan = plan;
    }

    /** Prepares a run of {@code params} over {@code data} at {@code batchSize} (which auto_find_batch_size may have lowered). */
    static TrainingRun prepare(SentenceTransformersParams params, TrainingData data, int batchSize) throws IOException {
        Path project = Path.of(params.projectName());
        Path resumeFrom = params.resumeFromCheckpoint() == null ? null : Checkpoints.find(project, params.resumeFromCheckpoint());
        if (resumeFrom != null) {
            requireSameRun(resumeFrom, params);
        }
        Engine.getInstance().setRandomSeed(params.seed());
        TrainerKind kind = params.trainer();
        Dataset train = data.train();
        int batchesPerEpoch = (train.size() + batchSize - 1) / batchSize;
        int stepsPerEpoch = (batchesPerEpoch + params.gradientAccumulation() - 1) / params.gradientAccumulation();
        int totalSteps = stepsPerEpoch * params.epochs();
        int warmup = LearningRateSchedule.warmupSteps(params.warmupRatio(), totalSteps);
        LearningRateSchedule schedule = new LearningRateSchedule(params.scheduler(), totalSteps, warmup, params.lr());
        int loggingSteps = params.loggingSteps() > 0 ? params.loggingSteps() : autoLoggingSteps(data, train.size(), batchSize);

        Device device = params.device() == DeviceChoice.CPU ? Device.cpu() : Engine.getInstance().defaultDevice();
        Path folder = resumeFrom != null ? resumeFrom : new ModelResolver(System.getenv(), params.token(), null).resolve(params.model());
        SentenceTransformer model = SentenceTransformer.load(folder, device);
        NDManager lossManager = null;
        try {
            if (params.maxSeqLength() != null) {
                model.setMaxSeqLength(params.maxSeqLength());
            }
            lossManager = model.manager().newSubManager();
            int numLabels = train.labels() == null ? 0 : train.labels().size();
            Loss loss = params.loss() == LossChoice.CACHED_MNRL ? new CachedMultipleNegativesRankingLoss()
                    : Losses.create(kind.loss(), lossManager, model.dimension(), numLabels, params.seed());
            Evaluator evaluator = params.evalStrategy() == EvalStrategy.NO || data.validation() == null && data.retrieval() == null ? null
                    : Evaluators.of(kind, data.validation(), data.retrieval(), loss, EVAL_BATCH, SimilarityFunction.of(model));
            int[] dims = params.matryoshkaDims();
            if (dims != null) {
                for (int d : dims) {
                    if (d > model.dimension()) {
                        throw new IllegalArgumentException("matryoshka_dims: " + d + " is wider than the model's embeddings ("
                                + model.dimension() + ")");
                    }
                }
                loss = new MatryoshkaLoss(loss, dims);
                evaluator = evaluator == null ? null : new MatryoshkaEvaluator(evaluator, dims);
            }
            if (resumeFrom != null) {
                restoreLossParameters(loss, resumeFrom.resolve(Checkpoints.OPTIMIZER_FILE));
            }
            Map<String, NDArray> trainable = new LinkedHashMap<>(model.parameters());
            trainable.putAll(loss.parameters());
            TrainingPlan plan = new TrainingPlan(kind, params.model(), loss.name(), train.size(), data.validationSize(),
                    params.epochs(), batchSize, stepsPerEpoch, totalSteps, warmup, loggingSteps,
                    evaluator == null ? null : evaluator.primaryMetric(),
                    resumeFrom == null ? 0 : Integer.parseInt(resumeFrom.getFileName().toString().substring("checkpoint-".length())));
            // Created once the model has loaded: a run refused before its first step leaves no project folder behind.
            ProjectLock lock = ProjectLock.acquire(project);
            try {
                ParamsIo.writeJson(project.resolve("training_params.json"), params.toBuilder().batchSize(batchSize).build());
            } catch (IOException | RuntimeException e) {
                lock.close();
                throw e;
            }
            return new TrainingRun(params, project, train, model, lossManager, loss, evaluator, trainable, schedule, plan,
                    EngineNotice.describe(device), resumeFrom, lock);
        } catch (RuntimeException | IOException e) {
            if (lossManager != null) {
                lossManager.close();
            }
            model.close();
            throw e;
        }
    }

    /** Parameters that may differ between a run and its resumption: they do not change what is trained. */
    private static final Set<String> FREE_ON_RESUME = Set.of("resume_from_checkpoint", "token", "push_to_hub", "username", "log",
            "save_total_limit", "save_steps", "auto_find_batch_size");

    /** Refuses, in one line, to resume a checkpoint with parameters that would train something else than its run did. */
    private static void requireSameRun(Path checkpoint, SentenceTransformersParams params) throws IOException {
        Path file = checkpoint.resolve("training_params.json");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("resume_from_checkpoint: " + file + " is missing (the checkpoint's run parameters)");
        }
        Map<String, Object> before = ParamsIo.toMap(ParamsIo.read(file));
        Map<String, Object> now = ParamsIo.toMap(params);
        List<String> changed = new ArrayList<>();
        for (String key : now.keySet()) {
            if (!FREE_ON_RESUME.contains(key) && !Objects.equals(String.valueOf(before.get(key)), String.valueOf(now.get(key)))) {
                changed.add(key + " (" + before.get(key) + " -> " + now.get(key) + ")");
            }
        }
        if (!changed.isEmpty()) {
            throw new IllegalArgumentException("resume_from_checkpoint: the run of " + checkpoint + " had other parameters: "
                    + String.join(", ", changed));
        }
    }

    /** Puts the loss's own parameters (a classifier head) back as the checkpoint holds them. */
    private static void restoreLossParameters(Loss loss, Path file) {
        if (loss.parameters().isEmpty()) {
            return;
        }
        try (NDManager scratch = NDManager.newBaseManager()) {
            Map<String, NDArray> saved = SafetensorsReader.read(file, scratch);
            loss.parameters().forEach((name, param) -> {
                NDArray value = saved.get("loss." + name);
                if (value == null || !value.getShape().equals(param.getShape())) {
                    throw new IllegalArgumentException("resume_from_checkpoint: " + file + " lacks the loss parameter " + name);
                }
                param.set(value.toByteBuffer());
            });
        }
    }

    /** AutoTrain's choice for logging_steps = -1: a fifth of the validation (else training) batches, within 1..25. */
    static int autoLoggingSteps(TrainingData data, int trainSize, int batchSize) {
        int basis = data.validationSize() > 0 ? data.validationSize() : trainSize;
        return Math.max(1, Math.min(25, (int) (0.2 * basis / batchSize)));
    }

    @Override
    public void close() {
        try {
            lossManager.close();
            model.close();
        } finally {
            try {
                lock.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
