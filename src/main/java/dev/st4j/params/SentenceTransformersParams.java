package dev.st4j.params;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;

/**
 * Every parameter of AutoTrain's sentence-transformers task, with exactly its defaults, plus the
 * guide's {@code max_samples} and a few st4j additions (documented in {@code docs/parameters.md}).
 * Immutable; build with {@link #builder()}; read and written as JSON or YAML by {@link ParamsIo}.
 */
@JsonDeserialize(builder = SentenceTransformersParams.Builder.class)
public record SentenceTransformersParams(
        String dataPath,
        String model,
        double lr,
        int epochs,
        int maxSeqLength,
        int batchSize,
        double warmupRatio,
        int gradientAccumulation,
        String optimizer,
        String scheduler,
        double weightDecay,
        double maxGradNorm,
        int seed,
        String trainSplit,
        String validSplit,
        int loggingSteps,
        String projectName,
        boolean autoFindBatchSize,
        String mixedPrecision,
        int saveTotalLimit,
        String token,
        boolean pushToHub,
        String evalStrategy,
        String username,
        String log,
        int earlyStoppingPatience,
        double earlyStoppingThreshold,
        String trainer,
        String sentence1Column,
        String sentence2Column,
        String sentence3Column,
        String targetColumn,
        Integer maxSamples,
        boolean skipInvalidRows,
        String device,
        String corpusPath,
        String queriesPath,
        String qrelsPath) {

    /** A builder holding AutoTrain's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values. */
    public Builder toBuilder() {
        return new Builder().dataPath(dataPath).model(model).lr(lr).epochs(epochs).maxSeqLength(maxSeqLength)
                .batchSize(batchSize).warmupRatio(warmupRatio).gradientAccumulation(gradientAccumulation)
                .optimizer(optimizer).scheduler(scheduler).weightDecay(weightDecay).maxGradNorm(maxGradNorm).seed(seed)
                .trainSplit(trainSplit).validSplit(validSplit).loggingSteps(loggingSteps).projectName(projectName)
                .autoFindBatchSize(autoFindBatchSize).mixedPrecision(mixedPrecision).saveTotalLimit(saveTotalLimit)
                .token(token).pushToHub(pushToHub).evalStrategy(evalStrategy).username(username).log(log)
                .earlyStoppingPatience(earlyStoppingPatience).earlyStoppingThreshold(earlyStoppingThreshold)
                .trainer(trainer).sentence1Column(sentence1Column).sentence2Column(sentence2Column)
                .sentence3Column(sentence3Column).targetColumn(targetColumn).maxSamples(maxSamples)
                .skipInvalidRows(skipInvalidRows).device(device).corpusPath(corpusPath).queriesPath(queriesPath)
                .qrelsPath(qrelsPath);
    }

    /** A copy with the token removed, for files and logs. */
    public SentenceTransformersParams withoutToken() {
        return toBuilder().token(null).build();
    }

    @Override
    public String toString() {
        return "SentenceTransformersParams" + ParamsIo.toJson(withoutToken());
    }

    /** Fluent builder; unset fields keep AutoTrain's defaults. */
    @JsonPOJOBuilder(withPrefix = "")
    public static final class Builder {
        private String dataPath;
        private String model = "microsoft/mpnet-base";
        private double lr = 3e-5;
        private int epochs = 3;
        private int maxSeqLength = 128;
        private int batchSize = 8;
        private double warmupRatio = 0.1;
        private int gradientAccumulation = 1;
        private String optimizer = "adamw_torch";
        private String scheduler = "linear";
        private double weightDecay = 0.0;
        private double maxGradNorm = 1.0;
        private int seed = 42;
        private String trainSplit = "train";
        private String validSplit;
        private int loggingSteps = -1;
        private String projectName = "project-name";
        private boolean autoFindBatchSize;
        private String mixedPrecision;
        private int saveTotalLimit = 1;
        private String token;
        private boolean pushToHub;
        private String evalStrategy = "epoch";
        private String username;
        private String log = "none";
        private int earlyStoppingPatience = 5;
        private double earlyStoppingThreshold = 0.01;
        private String trainer = "pair_score";
        private String sentence1Column = "sentence1";
        private String sentence2Column = "sentence2";
        private String sentence3Column;
        private String targetColumn;
        private Integer maxSamples;
        private boolean skipInvalidRows;
        private String device = "auto";
        private String corpusPath;
        private String queriesPath;
        private String qrelsPath;

        /** Path to the dataset: a CSV/JSONL/JSON file or a folder with one file per split. */
        public Builder dataPath(String v) { dataPath = v; return this; }
        /** Model folder or Hub id. */
        public Builder model(String v) { model = v; return this; }
        /** Peak learning rate. */
        public Builder lr(double v) { lr = v; return this; }
        /** Number of passes over the training data. */
        public Builder epochs(int v) { epochs = v; return this; }
        /** Texts are truncated to this many tokens. */
        public Builder maxSeqLength(int v) { maxSeqLength = v; return this; }
        /** Examples per batch. */
        public Builder batchSize(int v) { batchSize = v; return this; }
        /** Fraction of optimizer steps spent warming the learning rate up. */
        public Builder warmupRatio(double v) { warmupRatio = v; return this; }
        /** Batches whose gradients are summed before each optimizer step. */
        public Builder gradientAccumulation(int v) { gradientAccumulation = v; return this; }
        /** Optimizer name ({@code adamw_torch}). */
        public Builder optimizer(String v) { optimizer = v; return this; }
        /** Learning-rate schedule. */
        public Builder scheduler(String v) { scheduler = v; return this; }
        /** Decoupled weight decay. */
        public Builder weightDecay(double v) { weightDecay = v; return this; }
        /** Global gradient-norm clipping threshold. */
        public Builder maxGradNorm(double v) { maxGradNorm = v; return this; }
        /** Seed for data order, dropout and head initialisation. */
        public Builder seed(int v) { seed = v; return this; }
        /** Training split name. */
        public Builder trainSplit(String v) { trainSplit = v; return this; }
        /** Validation split name, or null for none. */
        public Builder validSplit(String v) { validSplit = v; return this; }
        /** Optimizer steps between log lines; -1 chooses automatically. */
        public Builder loggingSteps(int v) { loggingSteps = v; return this; }
        /** Output folder. */
        public Builder projectName(String v) { projectName = v; return this; }
        /** Halve the batch and retry on out-of-memory. */
        public Builder autoFindBatchSize(boolean v) { autoFindBatchSize = v; return this; }
        /** {@code fp16}, {@code bf16} or null. */
        public Builder mixedPrecision(String v) { mixedPrecision = v; return this; }
        /** Checkpoints kept on disk. */
        public Builder saveTotalLimit(int v) { saveTotalLimit = v; return this; }
        /** Hugging Face token (never written anywhere). */
        public Builder token(String v) { token = v; return this; }
        /** Upload the model to the Hub when done. */
        public Builder pushToHub(boolean v) { pushToHub = v; return this; }
        /** {@code epoch}, {@code steps} or {@code no}. */
        public Builder evalStrategy(String v) { evalStrategy = v; return this; }
        /** Hub user or organisation to push to. */
        public Builder username(String v) { username = v; return this; }
        /** Experiment tracker: {@code none}, {@code tensorboard}, {@code mlflow}, {@code wandb}. */
        public Builder log(String v) { log = v; return this; }
        /** Evaluations without improvement before stopping. */
        public Builder earlyStoppingPatience(int v) { earlyStoppingPatience = v; return this; }
        /** Smallest absolute improvement that counts. */
        public Builder earlyStoppingThreshold(double v) { earlyStoppingThreshold = v; return this; }
        /** {@code pair}, {@code pair_class}, {@code pair_score}, {@code triplet} or {@code qa}. */
        public Builder trainer(String v) { trainer = v; return this; }
        /** First text column. */
        public Builder sentence1Column(String v) { sentence1Column = v; return this; }
        /** Second text column. */
        public Builder sentence2Column(String v) { sentence2Column = v; return this; }
        /** Third text column (triplet). */
        public Builder sentence3Column(String v) { sentence3Column = v; return this; }
        /** Score or label column. */
        public Builder targetColumn(String v) { targetColumn = v; return this; }
        /** Use only the first N rows of each split. */
        public Builder maxSamples(Integer v) { maxSamples = v; return this; }
        /** st4j: skip invalid rows instead of failing. */
        public Builder skipInvalidRows(boolean v) { skipInvalidRows = v; return this; }
        /** st4j: {@code auto}, {@code cpu} or {@code gpu}. */
        public Builder device(String v) { device = v; return this; }
        /** st4j: BEIR corpus for retrieval validation (pair, qa). */
        public Builder corpusPath(String v) { corpusPath = v; return this; }
        /** st4j: BEIR queries for retrieval validation. */
        public Builder queriesPath(String v) { queriesPath = v; return this; }
        /** st4j: BEIR relevance judgements for retrieval validation. */
        public Builder qrelsPath(String v) { qrelsPath = v; return this; }

        /** The immutable parameters (validated separately by {@link ParamsValidator}). */
        public SentenceTransformersParams build() {
            return new SentenceTransformersParams(dataPath, model, lr, epochs, maxSeqLength, batchSize, warmupRatio,
                    gradientAccumulation, optimizer, scheduler, weightDecay, maxGradNorm, seed, trainSplit, validSplit,
                    loggingSteps, projectName, autoFindBatchSize, mixedPrecision, saveTotalLimit, token, pushToHub,
                    evalStrategy, username, log, earlyStoppingPatience, earlyStoppingThreshold, trainer,
                    sentence1Column, sentence2Column, sentence3Column, targetColumn, maxSamples, skipInvalidRows,
                    device, corpusPath, queriesPath, qrelsPath);
        }
    }
}
