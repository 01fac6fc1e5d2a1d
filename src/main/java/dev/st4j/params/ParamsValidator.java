package dev.st4j.params;

import dev.st4j.kind.TrainerKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** Checks parameters before any work starts; each failure is one line that names the parameter. */
public final class ParamsValidator {
    /** Optimizers accepted (all mean decoupled AdamW, as in PyTorch). */
    public static final List<String> OPTIMIZERS = List.of("adamw_torch", "adamw_hf", "adamw");
    /** Schedules implemented. */
    public static final List<String> SCHEDULERS = List.of("linear", "cosine", "constant", "constant_with_warmup", "polynomial");
    /** Evaluation strategies. */
    public static final List<String> EVAL_STRATEGIES = List.of("epoch", "steps", "no");
    /** Experiment trackers. */
    public static final List<String> LOGGERS = List.of("none", "tensorboard", "mlflow", "wandb");

    private ParamsValidator() {}

    /**
     * Validates {@code p}.
     *
     * @param gpuAvailable whether a GPU is there, for {@code mixed_precision}
     * @throws IllegalArgumentException with a one-line message naming the parameter
     */
    public static void validate(SentenceTransformersParams p, BooleanSupplier gpuAvailable) {
        TrainerKind.parse(p.trainer());
        require(p.dataPath() != null && !p.dataPath().isBlank(), "data_path", "is required");
        require(p.model() != null && !p.model().isBlank(), "model", "is required");
        require(p.lr() > 0 && Double.isFinite(p.lr()), "lr", "must be > 0, got " + p.lr());
        require(p.epochs() >= 1, "epochs", "must be >= 1, got " + p.epochs());
        require(p.batchSize() >= 1, "batch_size", "must be >= 1, got " + p.batchSize());
        require(p.maxSeqLength() >= 2, "max_seq_length", "must be >= 2, got " + p.maxSeqLength());
        require(p.warmupRatio() >= 0 && p.warmupRatio() <= 1, "warmup_ratio", "must be in [0, 1], got " + p.warmupRatio());
        require(p.gradientAccumulation() >= 1, "gradient_accumulation", "must be >= 1, got " + p.gradientAccumulation());
        require(p.weightDecay() >= 0, "weight_decay", "must be >= 0, got " + p.weightDecay());
        require(p.maxGradNorm() >= 0, "max_grad_norm", "must be >= 0 (0 disables clipping), got " + p.maxGradNorm());
        require(p.loggingSteps() == -1 || p.loggingSteps() >= 1, "logging_steps", "must be -1 (automatic) or >= 1, got " + p.loggingSteps());
        require(p.saveTotalLimit() >= 1, "save_total_limit", "must be >= 1, got " + p.saveTotalLimit());
        require(p.earlyStoppingPatience() >= 1, "early_stopping_patience", "must be >= 1, got " + p.earlyStoppingPatience());
        require(p.earlyStoppingThreshold() >= 0, "early_stopping_threshold", "must be >= 0, got " + p.earlyStoppingThreshold());
        require(p.maxSamples() == null || p.maxSamples() >= 1, "max_samples", "must be >= 1, got " + p.maxSamples());
        oneOf("optimizer", p.optimizer(), OPTIMIZERS);
        oneOf("scheduler", p.scheduler(), SCHEDULERS);
        oneOf("eval_strategy", p.evalStrategy(), EVAL_STRATEGIES);
        oneOf("log", p.log(), LOGGERS);
        oneOf("device", p.device(), List.of("auto", "cpu", "gpu"));
        String mp = p.mixedPrecision();
        if (mp != null && !mp.equals("no") && !mp.equals("none")) {
            oneOf("mixed_precision", mp, List.of("fp16", "bf16"));
            require(!"cpu".equals(p.device()) && gpuAvailable.getAsBoolean(), "mixed_precision",
                    mp + " needs a GPU, and none is available (leave mixed_precision unset on CPU)");
        }
        require(!"gpu".equals(p.device()) || gpuAvailable.getAsBoolean(), "device", "gpu was asked for, and none is available");
        TrainerKind kind = TrainerKind.parse(p.trainer());
        if (kind.needsThirdColumn()) {
            require(p.sentence3Column() != null, "sentence3_column", "is required for the triplet trainer (the negative column)");
        }
        if (kind.hasTarget()) {
            require(p.targetColumn() != null, "target_column", "is required for the " + kind + " trainer");
        }
        boolean beir = p.corpusPath() != null || p.queriesPath() != null || p.qrelsPath() != null;
        if (beir) {
            require(p.corpusPath() != null && p.queriesPath() != null && p.qrelsPath() != null, "corpus_path",
                    "retrieval validation needs corpus_path, queries_path and qrels_path together");
            require(kind.acceptsRetrievalFiles(), "corpus_path", "retrieval validation is for the pair and qa trainers");
        }
        if (p.pushToHub()) {
            require(p.username() != null && !p.username().isBlank(), "username", "is required with push_to_hub");
            require(p.token() != null && !p.token().isBlank(), "token", "is required with push_to_hub");
        }
        checkProjectFolder(Path.of(p.projectName()));
    }

    private static void checkProjectFolder(Path dir) {
        require(!Files.isRegularFile(dir), "project_name", dir + " is a file");
        if (Files.isDirectory(dir)) {
            boolean empty;
            try (Stream<Path> s = Files.list(dir)) {
                empty = s.findAny().isEmpty();
            } catch (IOException e) {
                throw new IllegalArgumentException("project_name: " + dir + " cannot be read (" + e.getMessage() + ")");
            }
            require(empty || Files.exists(dir.resolve("training_params.json")), "project_name",
                    dir + " is a non-empty folder that is not an st4j project; choose another name");
        }
    }

    private static void oneOf(String name, String value, List<String> allowed) {
        require(value != null && allowed.contains(value), name, "'" + value + "' is not one of " + String.join(", ", allowed));
    }

    private static void require(boolean ok, String name, String message) {
        if (!ok) {
            throw new IllegalArgumentException(name + ": " + message);
        }
    }
}
