package dev.st4j.params;

import dev.st4j.kind.TrainerKind;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The values of every parameter of AutoTrain's sentence-transformers task (see {@link Params} for
 * what each is, its default and its check), immutable. Build with {@link #builder()}; read and write
 * as JSON or YAML with {@link ParamsIo}; validate with {@link ParamsValidator}.
 */
public final class SentenceTransformersParams {
    private final Map<Param<?>, Object> values;

    private SentenceTransformersParams(Map<Param<?>, Object> values) {
        this.values = values;
    }

    /** A builder holding every parameter's default. */
    public static Builder builder() {
        return new Builder(new HashMap<>());
    }

    /** A builder holding this object's values. */
    public Builder toBuilder() {
        return new Builder(new HashMap<>(values));
    }

    /** The value of {@code param}: the one set, else its default. */
    @SuppressWarnings("unchecked")
    public <T> T get(Param<T> param) {
        return values.containsKey(param) ? (T) values.get(param) : param.defaultValue();
    }

    /** A copy with the token removed, for files and logs. */
    public SentenceTransformersParams withoutToken() {
        return toBuilder().token(null).build();
    }

    /** {@link Params#DATA_PATH}. */
    public String dataPath() {
        return get(Params.DATA_PATH);
    }

    /** {@link Params#MODEL}. */
    public String model() {
        return get(Params.MODEL);
    }

    /** {@link Params#LR}. */
    public double lr() {
        return get(Params.LR);
    }

    /** {@link Params#EPOCHS}. */
    public int epochs() {
        return get(Params.EPOCHS);
    }

    /** {@link Params#MAX_SEQ_LENGTH}. */
    public Integer maxSeqLength() {
        return get(Params.MAX_SEQ_LENGTH);
    }

    /** {@link Params#BATCH_SIZE}. */
    public int batchSize() {
        return get(Params.BATCH_SIZE);
    }

    /** {@link Params#WARMUP_RATIO}. */
    public double warmupRatio() {
        return get(Params.WARMUP_RATIO);
    }

    /** {@link Params#GRADIENT_ACCUMULATION}. */
    public int gradientAccumulation() {
        return get(Params.GRADIENT_ACCUMULATION);
    }

    /** {@link Params#OPTIMIZER}. */
    public Optimizer optimizer() {
        return get(Params.OPTIMIZER);
    }

    /** {@link Params#SCHEDULER}. */
    public Scheduler scheduler() {
        return get(Params.SCHEDULER);
    }

    /** {@link Params#WEIGHT_DECAY}. */
    public double weightDecay() {
        return get(Params.WEIGHT_DECAY);
    }

    /** {@link Params#MAX_GRAD_NORM}. */
    public double maxGradNorm() {
        return get(Params.MAX_GRAD_NORM);
    }

    /** {@link Params#SEED}. */
    public int seed() {
        return get(Params.SEED);
    }

    /** {@link Params#TRAIN_SPLIT}. */
    public String trainSplit() {
        return get(Params.TRAIN_SPLIT);
    }

    /** {@link Params#VALID_SPLIT}. */
    public String validSplit() {
        return get(Params.VALID_SPLIT);
    }

    /** {@link Params#LOGGING_STEPS}. */
    public int loggingSteps() {
        return get(Params.LOGGING_STEPS);
    }

    /** {@link Params#PROJECT_NAME}. */
    public String projectName() {
        return get(Params.PROJECT_NAME);
    }

    /** {@link Params#AUTO_FIND_BATCH_SIZE}. */
    public boolean autoFindBatchSize() {
        return get(Params.AUTO_FIND_BATCH_SIZE);
    }

    /** {@link Params#MIXED_PRECISION}. */
    public MixedPrecision mixedPrecision() {
        return get(Params.MIXED_PRECISION);
    }

    /** {@link Params#SAVE_TOTAL_LIMIT}. */
    public int saveTotalLimit() {
        return get(Params.SAVE_TOTAL_LIMIT);
    }

    /** {@link Params#TOKEN}. */
    public String token() {
        return get(Params.TOKEN);
    }

    /** {@link Params#PUSH_TO_HUB}. */
    public boolean pushToHub() {
        return get(Params.PUSH_TO_HUB);
    }

    /** {@link Params#EVAL_STRATEGY}. */
    public EvalStrategy evalStrategy() {
        return get(Params.EVAL_STRATEGY);
    }

    /** {@link Params#USERNAME}. */
    public String username() {
        return get(Params.USERNAME);
    }

    /** {@link Params#LOG}. */
    public Tracker log() {
        return get(Params.LOG);
    }

    /** {@link Params#EARLY_STOPPING_PATIENCE}. */
    public int earlyStoppingPatience() {
        return get(Params.EARLY_STOPPING_PATIENCE);
    }

    /** {@link Params#EARLY_STOPPING_THRESHOLD}. */
    public double earlyStoppingThreshold() {
        return get(Params.EARLY_STOPPING_THRESHOLD);
    }

    /** {@link Params#TRAINER}. */
    public TrainerKind trainer() {
        return get(Params.TRAINER);
    }

    /** {@link Params#SENTENCE1_COLUMN}. */
    public String sentence1Column() {
        return get(Params.SENTENCE1_COLUMN);
    }

    /** {@link Params#SENTENCE2_COLUMN}. */
    public String sentence2Column() {
        return get(Params.SENTENCE2_COLUMN);
    }

    /** {@link Params#SENTENCE3_COLUMN}. */
    public String sentence3Column() {
        return get(Params.SENTENCE3_COLUMN);
    }

    /** {@link Params#TARGET_COLUMN}. */
    public String targetColumn() {
        return get(Params.TARGET_COLUMN);
    }

    /** {@link Params#MAX_SAMPLES}. */
    public Integer maxSamples() {
        return get(Params.MAX_SAMPLES);
    }

    /** {@link Params#SKIP_INVALID_ROWS}. */
    public boolean skipInvalidRows() {
        return get(Params.SKIP_INVALID_ROWS);
    }

    /** {@link Params#DEVICE}. */
    public DeviceChoice device() {
        return get(Params.DEVICE);
    }

    /** {@link Params#BATCH_SAMPLER}. */
    public BatchSampling batchSampler() {
        return get(Params.BATCH_SAMPLER);
    }

    /** {@link Params#LOSS}. */
    public LossChoice loss() {
        return get(Params.LOSS);
    }

    /** {@link Params#MINI_BATCH_SIZE}. */
    public int miniBatchSize() {
        return get(Params.MINI_BATCH_SIZE);
    }

    /** {@link Params#SAVE_STEPS}. */
    public int saveSteps() {
        return get(Params.SAVE_STEPS);
    }

    /** {@link Params#RESUME_FROM_CHECKPOINT}: a checkpoint folder, {@code latest}, or null. */
    public String resumeFromCheckpoint() {
        return get(Params.RESUME_FROM_CHECKPOINT);
    }

    /** {@link Params#MATRYOSHKA_DIMS}, as widths (null when not set). */
    public int[] matryoshkaDims() {
        return Params.matryoshkaDims(get(Params.MATRYOSHKA_DIMS));
    }

    /** {@link Params#PROMPTS}: one prompt, or a JSON object of column to prompt; null for none. */
    public String prompts() {
        return get(Params.PROMPTS);
    }

    /** {@link Params#CORPUS_PATH}. */
    public String corpusPath() {
        return get(Params.CORPUS_PATH);
    }

    /** {@link Params#QUERIES_PATH}. */
    public String queriesPath() {
        return get(Params.QUERIES_PATH);
    }

    /** {@link Params#QRELS_PATH}. */
    public String qrelsPath() {
        return get(Params.QRELS_PATH);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SentenceTransformersParams other)) {
            return false;
        }
        return Params.ALL.stream().allMatch(p -> Objects.equals(get(p), other.get(p)));
    }

    @Override
    public int hashCode() {
        return Objects.hash(Params.ALL.stream().map(this::get).toArray());
    }

    @Override
    public String toString() {
        return "SentenceTransformersParams" + ParamsIo.toJson(withoutToken());
    }

    /** Fluent builder; parameters not set keep their defaults. */
    public static final class Builder {
        private final Map<Param<?>, Object> values;

        private Builder(Map<Param<?>, Object> values) {
            this.values = values;
        }

        /** Sets any parameter. */
        public <T> Builder set(Param<T> param, T value) {
            values.put(param, value);
            return this;
        }

        /** Sets a parameter from its text form (a flag's value); a bad text is a one-line error naming it. */
        public Builder parse(Param<?> param, String text) {
            values.put(param, text == null ? null : param.parse(text));
            return this;
        }

        /** Sets {@link Params#DATA_PATH}. */
        public Builder dataPath(String v) {
            return set(Params.DATA_PATH, v);
        }

        /** Sets {@link Params#MODEL}. */
        public Builder model(String v) {
            return set(Params.MODEL, v);
        }

        /** Sets {@link Params#LR}. */
        public Builder lr(double v) {
            return set(Params.LR, v);
        }

        /** Sets {@link Params#EPOCHS}. */
        public Builder epochs(int v) {
            return set(Params.EPOCHS, v);
        }

        /** Sets {@link Params#MAX_SEQ_LENGTH}. */
        public Builder maxSeqLength(Integer v) {
            return set(Params.MAX_SEQ_LENGTH, v);
        }

        /** Sets {@link Params#BATCH_SIZE}. */
        public Builder batchSize(int v) {
            return set(Params.BATCH_SIZE, v);
        }

        /** Sets {@link Params#WARMUP_RATIO}. */
        public Builder warmupRatio(double v) {
            return set(Params.WARMUP_RATIO, v);
        }

        /** Sets {@link Params#GRADIENT_ACCUMULATION}. */
        public Builder gradientAccumulation(int v) {
            return set(Params.GRADIENT_ACCUMULATION, v);
        }

        /** Sets {@link Params#OPTIMIZER}. */
        public Builder optimizer(Optimizer v) {
            return set(Params.OPTIMIZER, v);
        }

        /** Sets {@link Params#OPTIMIZER} by its name. */
        public Builder optimizer(String name) {
            return set(Params.OPTIMIZER, name == null ? null : Params.OPTIMIZER.parse(name));
        }

        /** Sets {@link Params#SCHEDULER}. */
        public Builder scheduler(Scheduler v) {
            return set(Params.SCHEDULER, v);
        }

        /** Sets {@link Params#SCHEDULER} by its name. */
        public Builder scheduler(String name) {
            return set(Params.SCHEDULER, name == null ? null : Params.SCHEDULER.parse(name));
        }

        /** Sets {@link Params#WEIGHT_DECAY}. */
        public Builder weightDecay(double v) {
            return set(Params.WEIGHT_DECAY, v);
        }

        /** Sets {@link Params#MAX_GRAD_NORM}. */
        public Builder maxGradNorm(double v) {
            return set(Params.MAX_GRAD_NORM, v);
        }

        /** Sets {@link Params#SEED}. */
        public Builder seed(int v) {
            return set(Params.SEED, v);
        }

        /** Sets {@link Params#TRAIN_SPLIT}. */
        public Builder trainSplit(String v) {
            return set(Params.TRAIN_SPLIT, v);
        }

        /** Sets {@link Params#VALID_SPLIT}. */
        public Builder validSplit(String v) {
            return set(Params.VALID_SPLIT, v);
        }

        /** Sets {@link Params#LOGGING_STEPS}. */
        public Builder loggingSteps(int v) {
            return set(Params.LOGGING_STEPS, v);
        }

        /** Sets {@link Params#PROJECT_NAME}. */
        public Builder projectName(String v) {
            return set(Params.PROJECT_NAME, v);
        }

        /** Sets {@link Params#AUTO_FIND_BATCH_SIZE}. */
        public Builder autoFindBatchSize(boolean v) {
            return set(Params.AUTO_FIND_BATCH_SIZE, v);
        }

        /** Sets {@link Params#MIXED_PRECISION}. */
        public Builder mixedPrecision(MixedPrecision v) {
            return set(Params.MIXED_PRECISION, v);
        }

        /** Sets {@link Params#MIXED_PRECISION} by its name. */
        public Builder mixedPrecision(String name) {
            return set(Params.MIXED_PRECISION, name == null ? null : Params.MIXED_PRECISION.parse(name));
        }

        /** Sets {@link Params#SAVE_TOTAL_LIMIT}. */
        public Builder saveTotalLimit(int v) {
            return set(Params.SAVE_TOTAL_LIMIT, v);
        }

        /** Sets {@link Params#TOKEN}. */
        public Builder token(String v) {
            return set(Params.TOKEN, v);
        }

        /** Sets {@link Params#PUSH_TO_HUB}. */
        public Builder pushToHub(boolean v) {
            return set(Params.PUSH_TO_HUB, v);
        }

        /** Sets {@link Params#EVAL_STRATEGY}. */
        public Builder evalStrategy(EvalStrategy v) {
            return set(Params.EVAL_STRATEGY, v);
        }

        /** Sets {@link Params#EVAL_STRATEGY} by its name. */
        public Builder evalStrategy(String name) {
            return set(Params.EVAL_STRATEGY, name == null ? null : Params.EVAL_STRATEGY.parse(name));
        }

        /** Sets {@link Params#USERNAME}. */
        public Builder username(String v) {
            return set(Params.USERNAME, v);
        }

        /** Sets {@link Params#LOG}. */
        public Builder log(Tracker v) {
            return set(Params.LOG, v);
        }

        /** Sets {@link Params#LOG} by its name. */
        public Builder log(String name) {
            return set(Params.LOG, name == null ? null : Params.LOG.parse(name));
        }

        /** Sets {@link Params#EARLY_STOPPING_PATIENCE}. */
        public Builder earlyStoppingPatience(int v) {
            return set(Params.EARLY_STOPPING_PATIENCE, v);
        }

        /** Sets {@link Params#EARLY_STOPPING_THRESHOLD}. */
        public Builder earlyStoppingThreshold(double v) {
            return set(Params.EARLY_STOPPING_THRESHOLD, v);
        }

        /** Sets {@link Params#TRAINER}. */
        public Builder trainer(TrainerKind v) {
            return set(Params.TRAINER, v);
        }

        /** Sets {@link Params#TRAINER} by its name. */
        public Builder trainer(String name) {
            return set(Params.TRAINER, name == null ? null : Params.TRAINER.parse(name));
        }

        /** Sets {@link Params#SENTENCE1_COLUMN}. */
        public Builder sentence1Column(String v) {
            return set(Params.SENTENCE1_COLUMN, v);
        }

        /** Sets {@link Params#SENTENCE2_COLUMN}. */
        public Builder sentence2Column(String v) {
            return set(Params.SENTENCE2_COLUMN, v);
        }

        /** Sets {@link Params#SENTENCE3_COLUMN}. */
        public Builder sentence3Column(String v) {
            return set(Params.SENTENCE3_COLUMN, v);
        }

        /** Sets {@link Params#TARGET_COLUMN}. */
        public Builder targetColumn(String v) {
            return set(Params.TARGET_COLUMN, v);
        }

        /** Sets {@link Params#MAX_SAMPLES}. */
        public Builder maxSamples(Integer v) {
            return set(Params.MAX_SAMPLES, v);
        }

        /** Sets {@link Params#SKIP_INVALID_ROWS}. */
        public Builder skipInvalidRows(boolean v) {
            return set(Params.SKIP_INVALID_ROWS, v);
        }

        /** Sets {@link Params#DEVICE}. */
        public Builder device(DeviceChoice v) {
            return set(Params.DEVICE, v);
        }

        /** Sets {@link Params#DEVICE} by its name. */
        public Builder device(String name) {
            return set(Params.DEVICE, name == null ? null : Params.DEVICE.parse(name));
        }

        /** Sets {@link Params#BATCH_SAMPLER}. */
        public Builder batchSampler(BatchSampling v) {
            return set(Params.BATCH_SAMPLER, v);
        }

        /** Sets {@link Params#BATCH_SAMPLER} by its name. */
        public Builder batchSampler(String name) {
            return set(Params.BATCH_SAMPLER, name == null ? null : Params.BATCH_SAMPLER.parse(name));
        }

        /** Sets {@link Params#LOSS}. */
        public Builder loss(LossChoice v) {
            return set(Params.LOSS, v);
        }

        /** Sets {@link Params#LOSS} by its name. */
        public Builder loss(String name) {
            return set(Params.LOSS, name == null ? null : Params.LOSS.parse(name));
        }

        /** Sets {@link Params#MINI_BATCH_SIZE}. */
        public Builder miniBatchSize(int v) {
            return set(Params.MINI_BATCH_SIZE, v);
        }

        /** Sets {@link Params#SAVE_STEPS}. */
        public Builder saveSteps(int v) {
            return set(Params.SAVE_STEPS, v);
        }

        /** Sets {@link Params#RESUME_FROM_CHECKPOINT}: a checkpoint folder or {@code latest}. */
        public Builder resumeFromCheckpoint(String v) {
            return set(Params.RESUME_FROM_CHECKPOINT, v);
        }

        /** Sets {@link Params#MATRYOSHKA_DIMS} ("384,256,128,64"). */
        public Builder matryoshkaDims(String v) {
            return set(Params.MATRYOSHKA_DIMS, v);
        }

        /** Sets {@link Params#PROMPTS}. */
        public Builder prompts(String v) {
            return set(Params.PROMPTS, v);
        }

        /** Sets {@link Params#CORPUS_PATH}. */
        public Builder corpusPath(String v) {
            return set(Params.CORPUS_PATH, v);
        }

        /** Sets {@link Params#QUERIES_PATH}. */
        public Builder queriesPath(String v) {
            return set(Params.QUERIES_PATH, v);
        }

        /** Sets {@link Params#QRELS_PATH}. */
        public Builder qrelsPath(String v) {
            return set(Params.QRELS_PATH, v);
        }

        /** The immutable parameters (validated separately by {@link ParamsValidator}). */
        public SentenceTransformersParams build() {
            return new SentenceTransformersParams(new HashMap<>(values));
        }
    }
}
