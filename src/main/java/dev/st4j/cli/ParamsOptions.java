package dev.st4j.cli;

import dev.st4j.params.ParamsIo;
import dev.st4j.params.SentenceTransformersParams;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Every training parameter as the kebab-case flag AutoTrain's command line uses, shared by
 * {@code st4j train} and {@code autotrain sentence-transformers}. A flag that is not given keeps the
 * value from {@code --config}, else AutoTrain's default.
 */
public final class ParamsOptions {
    @Option(names = "--config", description = "YAML or JSON file with parameters (snake_case keys); flags override it.")
    Path config;

    @Option(names = "--data-path", description = "CSV/JSONL/JSON file, or a folder with {split}.csv|jsonl|json.") String dataPath;
    @Option(names = "--model", description = "Model folder or Hub id (default: microsoft/mpnet-base).") String model;
    @Option(names = "--lr", description = "Learning rate (default: 3e-5).") Double lr;
    @Option(names = "--epochs", description = "Epochs (default: 3).") Integer epochs;
    @Option(names = "--max-seq-length", description = "Maximum tokens per text (default: 128).") Integer maxSeqLength;
    @Option(names = "--batch-size", description = "Batch size (default: 8).") Integer batchSize;
    @Option(names = "--warmup-ratio", description = "Warm-up fraction (default: 0.1).") Double warmupRatio;
    @Option(names = "--gradient-accumulation", description = "Batches per optimizer step (default: 1).") Integer gradientAccumulation;
    @Option(names = "--optimizer", description = "adamw_torch (default).") String optimizer;
    @Option(names = "--scheduler", description = "linear (default), cosine, constant, constant_with_warmup, polynomial.") String scheduler;
    @Option(names = "--weight-decay", description = "Weight decay (default: 0.0).") Double weightDecay;
    @Option(names = "--max-grad-norm", description = "Gradient clipping norm (default: 1.0).") Double maxGradNorm;
    @Option(names = "--seed", description = "Random seed (default: 42).") Integer seed;
    @Option(names = "--train-split", description = "Training split (default: train).") String trainSplit;
    @Option(names = "--valid-split", description = "Validation split (default: none).") String validSplit;
    @Option(names = "--logging-steps", description = "Steps between logs; -1 = automatic (default).") Integer loggingSteps;
    @Option(names = "--project-name", description = "Output folder (default: project-name).") String projectName;
    @Option(names = "--auto-find-batch-size", arity = "0..1", fallbackValue = "true", description = "Halve the batch on out-of-memory.") Boolean autoFindBatchSize;
    @Option(names = "--mixed-precision", description = "fp16 or bf16 (GPU only; default: none).") String mixedPrecision;
    @Option(names = "--save-total-limit", description = "Checkpoints kept (default: 1).") Integer saveTotalLimit;
    @Option(names = "--token", description = "Hugging Face token (default: $HF_TOKEN); never written anywhere.") String token;
    @Option(names = "--push-to-hub", arity = "0..1", fallbackValue = "true", description = "Upload the model to the Hub.") Boolean pushToHub;
    @Option(names = "--eval-strategy", description = "epoch (default), steps or no.") String evalStrategy;
    @Option(names = "--username", description = "Hub user or organisation for --push-to-hub.") String username;
    @Option(names = "--log", description = "none (default), tensorboard, mlflow, wandb.") String log;
    @Option(names = "--early-stopping-patience", description = "Evaluations without improvement (default: 5).") Integer earlyStoppingPatience;
    @Option(names = "--early-stopping-threshold", description = "Minimum improvement (default: 0.01).") Double earlyStoppingThreshold;
    @Option(names = "--trainer", description = "pair, pair_class, pair_score (default), triplet, qa.") String trainer;
    @Option(names = "--sentence1-column", description = "First text column (default: sentence1).") String sentence1Column;
    @Option(names = "--sentence2-column", description = "Second text column (default: sentence2).") String sentence2Column;
    @Option(names = "--sentence3-column", description = "Third text column (triplet).") String sentence3Column;
    @Option(names = "--target-column", description = "Score or label column (pair_score, pair_class).") String targetColumn;
    @Option(names = "--max-samples", description = "Use only the first N rows of each split.") Integer maxSamples;
    @Option(names = "--skip-invalid-rows", arity = "0..1", fallbackValue = "true", description = "Skip rows with empty texts or bad targets.") Boolean skipInvalidRows;
    @Option(names = "--device", description = "auto (default), cpu or gpu.") String device;
    @Option(names = "--corpus", description = "BEIR corpus.csv for retrieval validation (pair, qa).") String corpusPath;
    @Option(names = "--queries", description = "BEIR queries.csv.") String queriesPath;
    @Option(names = "--qrels", description = "BEIR qrels.csv.") String qrelsPath;

    /** The parameters: config file (if any), then the flags given. */
    public SentenceTransformersParams toParams() throws IOException {
        return toParams(config == null ? SentenceTransformersParams.builder().build() : ParamsIo.read(config));
    }

    /** The flags given, applied over {@code base} (a parameter set from a notebook cell, say). */
    public SentenceTransformersParams toParams(SentenceTransformersParams base) {
        SentenceTransformersParams.Builder b = base.toBuilder();
        if (dataPath != null) { b.dataPath(dataPath); }
        if (model != null) { b.model(model); }
        if (lr != null) { b.lr(lr); }
        if (epochs != null) { b.epochs(epochs); }
        if (maxSeqLength != null) { b.maxSeqLength(maxSeqLength); }
        if (batchSize != null) { b.batchSize(batchSize); }
        if (warmupRatio != null) { b.warmupRatio(warmupRatio); }
        if (gradientAccumulation != null) { b.gradientAccumulation(gradientAccumulation); }
        if (optimizer != null) { b.optimizer(optimizer); }
        if (scheduler != null) { b.scheduler(scheduler); }
        if (weightDecay != null) { b.weightDecay(weightDecay); }
        if (maxGradNorm != null) { b.maxGradNorm(maxGradNorm); }
        if (seed != null) { b.seed(seed); }
        if (trainSplit != null) { b.trainSplit(trainSplit); }
        if (validSplit != null) { b.validSplit(validSplit); }
        if (loggingSteps != null) { b.loggingSteps(loggingSteps); }
        if (projectName != null) { b.projectName(projectName); }
        if (autoFindBatchSize != null) { b.autoFindBatchSize(autoFindBatchSize); }
        if (mixedPrecision != null) { b.mixedPrecision(mixedPrecision); }
        if (saveTotalLimit != null) { b.saveTotalLimit(saveTotalLimit); }
        if (token != null) { b.token(token); }
        if (pushToHub != null) { b.pushToHub(pushToHub); }
        if (evalStrategy != null) { b.evalStrategy(evalStrategy); }
        if (username != null) { b.username(username); }
        if (log != null) { b.log(log); }
        if (earlyStoppingPatience != null) { b.earlyStoppingPatience(earlyStoppingPatience); }
        if (earlyStoppingThreshold != null) { b.earlyStoppingThreshold(earlyStoppingThreshold); }
        if (trainer != null) { b.trainer(trainer); }
        if (sentence1Column != null) { b.sentence1Column(sentence1Column); }
        if (sentence2Column != null) { b.sentence2Column(sentence2Column); }
        if (sentence3Column != null) { b.sentence3Column(sentence3Column); }
        if (targetColumn != null) { b.targetColumn(targetColumn); }
        if (maxSamples != null) { b.maxSamples(maxSamples); }
        if (skipInvalidRows != null) { b.skipInvalidRows(skipInvalidRows); }
        if (device != null) { b.device(device); }
        if (corpusPath != null) { b.corpusPath(corpusPath); }
        if (queriesPath != null) { b.queriesPath(queriesPath); }
        if (qrelsPath != null) { b.qrelsPath(qrelsPath); }
        return b.build();
    }
}
