package dev.st4j.params;

import dev.st4j.kind.TrainerKind;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every training parameter, described once, in AutoTrain's order: a new parameter is one more
 * descriptor here, and the flags, files, validation and documentation follow from it.
 */
public final class Params {
    private Params() {}

    public static final Param<String> DATA_PATH = text("data_path", null,
            "CSV/JSONL/JSON file, or a folder with {split}.csv|jsonl|json.").check(required());
    public static final Param<String> MODEL = text("model", "microsoft/mpnet-base", "Model folder or Hub id.")
            .notes("looked up as a local folder, then in the Hugging Face cache, then among the bundled models, then downloaded from the Hub").check(required());
    public static final Param<Double> LR = decimal("lr", 3e-5, "Peak learning rate.").check(v -> v > 0 && Double.isFinite(v)
            ? null : "must be > 0, got " + v);
    public static final Param<Integer> EPOCHS = integer("epochs", 3, "Passes over the training data.").check(atLeast(1));
    public static final Param<Integer> MAX_SEQ_LENGTH = integer("max_seq_length", null, "Maximum tokens per text (default: the model's own).")
            .notes("when not set, the model's own length, as Python sentence-transformers takes it: its module config, else the "
                    + "tokenizer's model_max_length, capped at the position table (AutoTrain's reference page gives 128); a value "
                    + "beyond the model's position table is refused")
            .check(v -> v == null || v >= 2 ? null : "must be >= 2, got " + v);
    public static final Param<Integer> BATCH_SIZE = integer("batch_size", 8, "Examples per batch.").check(atLeast(1));
    public static final Param<Double> WARMUP_RATIO = decimal("warmup_ratio", 0.1, "Fraction of steps warming the learning rate up.")
            .notes("warm-up steps = ceil(ratio × total optimizer steps)")
            .check(v -> v >= 0 && v <= 1 ? null : "must be in [0, 1], got " + v);
    public static final Param<Integer> GRADIENT_ACCUMULATION = integer("gradient_accumulation", 1,
            "Batches whose gradients are summed before each optimizer step.").check(atLeast(1));
    public static final Param<Optimizer> OPTIMIZER = choice("optimizer", Optimizer.class, Optimizer.ADAMW_TORCH, "Optimizer.")
            .notes("`adamw_torch`, `adamw_hf` and `adamw` all mean PyTorch's AdamW (β 0.9/0.999, ε 1e-8)");
    public static final Param<Scheduler> SCHEDULER = choice("scheduler", Scheduler.class, Scheduler.LINEAR, "Learning-rate schedule.")
            .notes("`polynomial` has power 1 and ends at 1e-7");
    public static final Param<Double> WEIGHT_DECAY = decimal("weight_decay", 0.0, "Decoupled weight decay.")
            .notes("never applied to biases and LayerNorm/RMS-norm weights").check(atLeast(0.0, ""));
    public static final Param<Double> MAX_GRAD_NORM = decimal("max_grad_norm", 1.0, "Global gradient-norm clipping threshold.")
            .notes("global norm over the model's parameters (the pair_class classifier is left out); 0 disables")
            .check(atLeast(0.0, " (0 disables clipping)"));
    public static final Param<Integer> SEED = integer("seed", 42, "Seed for data order, dropout and head initialisation.")
            .notes("a CPU run repeats bit for bit (AutoTrain ignores it)");
    public static final Param<String> TRAIN_SPLIT = text("train_split", "train", "Training split.");
    public static final Param<String> VALID_SPLIT = text("valid_split", null, "Validation split.");
    public static final Param<Integer> LOGGING_STEPS = integer("logging_steps", -1, "Optimizer steps between log lines; -1 chooses.")
            .notes("-1 = a fifth of the validation batches (or of the training batches when there is no validation), "
                    + "clamped to 1..25, as AutoTrain computes it")
            .check(v -> v == -1 || v >= 1 ? null : "must be -1 (automatic) or >= 1, got " + v);
    public static final Param<String> PROJECT_NAME = text("project_name", "project-name", "Output folder.")
            .notes("an existing non-empty folder that is not an st4j project is refused").check(required());
    public static final Param<Boolean> AUTO_FIND_BATCH_SIZE = bool("auto_find_batch_size", false,
            "Halve the batch and start again on out-of-memory.");
    public static final Param<MixedPrecision> MIXED_PRECISION = choice("mixed_precision", MixedPrecision.class, null,
            "Reduced-precision training (GPU only).")
            .notes("fp16: float16 matrix products on float32 master weights, with dynamic loss scaling (as torch.amp); "
                    + "refused on CPU; bf16 refused (DJL 0.35 cannot create bfloat16 arrays)");
    public static final Param<Integer> SAVE_TOTAL_LIMIT = integer("save_total_limit", 1, "Checkpoints kept on disk.")
            .notes("the best one is never deleted").check(atLeast(1));
    public static final Param<String> TOKEN = text("token", null, "Hugging Face token (default: $HF_TOKEN).")
            .notes("never written to any file or log");
    public static final Param<Boolean> PUSH_TO_HUB = bool("push_to_hub", false, "Upload the model to the Hub when done.")
            .notes("needs `username` and `token`");
    public static final Param<EvalStrategy> EVAL_STRATEGY = choice("eval_strategy", EvalStrategy.class, EvalStrategy.EPOCH,
            "When to validate.").notes("`steps` validates every `logging_steps`");
    public static final Param<String> USERNAME = text("username", null, "Hub user or organisation to push to.");
    public static final Param<Tracker> LOG = choice("log", Tracker.class, Tracker.NONE, "Experiment tracker.");
    public static final Param<Integer> EARLY_STOPPING_PATIENCE = integer("early_stopping_patience", 5,
            "Evaluations without improvement before stopping.").check(atLeast(1));
    public static final Param<Double> EARLY_STOPPING_THRESHOLD = decimal("early_stopping_threshold", 0.01,
            "Smallest improvement of the primary metric that counts.").notes("absolute").check(atLeast(0.0, ""));
    public static final Param<TrainerKind> TRAINER = Param.of("trainer", TrainerKind.class, TrainerKind.PAIR_SCORE,
            "Trainer: " + TrainerKind.names() + ".", TrainerKind::parse, TrainerKind::cliName);
    public static final Param<String> SENTENCE1_COLUMN = text("sentence1_column", "sentence1", "First text column.")
            .notes("when left at the default and absent, the trainer's conventional name (`anchor`, `premise`, `query`) is used");
    public static final Param<String> SENTENCE2_COLUMN = text("sentence2_column", "sentence2", "Second text column.")
            .notes("likewise (`positive`, `hypothesis`, `answer`)");
    public static final Param<String> SENTENCE3_COLUMN = text("sentence3_column", null, "Third text column (triplet).")
            .notes("required by `triplet`");
    public static final Param<String> TARGET_COLUMN = text("target_column", null, "Score or label column.")
            .notes("required by `pair_score` and `pair_class`");
    public static final Param<Integer> MAX_SAMPLES = integer("max_samples", null, "Use only the first N rows of each split.")
            .notes("from AutoTrain's guide").check(v -> v == null || v >= 1 ? null : "must be >= 1, got " + v);
    public static final Param<Boolean> SKIP_INVALID_ROWS = bool("skip_invalid_rows", false,
            "Skip rows with an empty text or a bad target instead of failing.").notes("the run says how many it skipped").st4j();
    public static final Param<DeviceChoice> DEVICE = choice("device", DeviceChoice.class, DeviceChoice.AUTO,
            "Where to compute.").notes("`auto` is the GPU when DJL sees one").st4j();
    public static final Param<BatchSampling> BATCH_SAMPLER = choice("batch_sampler", BatchSampling.class, BatchSampling.BATCH_SAMPLER,
            "How rows are grouped into batches.").notes("`no_duplicates` (pair, qa, triplet): no text twice in a batch, "
            + "as sentence-transformers' NO_DUPLICATES sampler; an epoch may end in extra, smaller batches").st4j();
    public static final Param<LossChoice> LOSS = choice("loss", LossChoice.class, LossChoice.AUTO, "Training loss.")
            .notes("`auto` is the trainer's own; `cached_mnrl` (pair, qa, triplet) is CachedMultipleNegativesRankingLoss (GradCache): "
                    + "the loss and gradients of MNRL at the whole batch_size, with the activation memory of mini_batch_size texts")
            .st4j();
    public static final Param<Integer> MINI_BATCH_SIZE = integer("mini_batch_size", 32,
            "Texts per forward pass of the cached_mnrl loss.").check(atLeast(1)).st4j();
    public static final Param<Integer> SAVE_STEPS = integer("save_steps", 0,
            "Also save a resumable checkpoint every N optimizer steps (0: only at evaluations, or at each epoch's end).")
            .notes("every checkpoint holds what resuming needs: weights, optimizer moments, data position, early-stopping and "
                    + "evaluation history; save_total_limit still applies")
            .check(v -> v >= 0 ? null : "must be >= 0, got " + v).st4j();
    public static final Param<String> RESUME_FROM_CHECKPOINT = text("resume_from_checkpoint", null,
            "Continue an interrupted run of the same project from a checkpoint folder, or `latest`.")
            .notes("the other parameters must be the run's own; the resumed run ends with the weights and metrics the "
                    + "uninterrupted run would have (bit for bit on CPU)").st4j();
    public static final Param<String> MATRYOSHKA_DIMS = text("matryoshka_dims", null,
            "Train with MatryoshkaLoss at these leading widths, e.g. 384,256,128,64.")
            .notes("the trainer's loss summed over the embeddings cut to each width; validation reports every metric at each "
                    + "width (`dim_256_…`), the widest decides; not for pair_class; `st4j encode --truncate-dim` uses the result")
            .check(Params::matryoshkaProblem).st4j();
    public static final Param<String> PROMPTS = text("prompts", null,
            "Prompt put before the texts while training: one for every column, or a JSON object of column to prompt.")
            .notes("as sentence-transformers' training argument, e.g. {\"anchor\": \"query: \", \"positive\": \"passage: \"}")
            .check(TrainingPrompts::problem).st4j();
    public static final Param<String> CORPUS_PATH = text("corpus_path", null, "BEIR corpus.csv for retrieval validation (pair, qa, triplet).")
            .flag("--corpus").st4j();
    public static final Param<String> QUERIES_PATH = text("queries_path", null, "BEIR queries.csv.").flag("--queries").st4j();
    public static final Param<String> QRELS_PATH = text("qrels_path", null, "BEIR qrels.csv.").flag("--qrels").st4j();

    /** Every parameter, in the order of AutoTrain's parameter class, then st4j's additions. */
    public static final List<Param<?>> ALL = List.of(DATA_PATH, MODEL, LR, EPOCHS, MAX_SEQ_LENGTH, BATCH_SIZE, WARMUP_RATIO,
            GRADIENT_ACCUMULATION, OPTIMIZER, SCHEDULER, WEIGHT_DECAY, MAX_GRAD_NORM, SEED, TRAIN_SPLIT, VALID_SPLIT,
            LOGGING_STEPS, PROJECT_NAME, AUTO_FIND_BATCH_SIZE, MIXED_PRECISION, SAVE_TOTAL_LIMIT, TOKEN, PUSH_TO_HUB,
            EVAL_STRATEGY, USERNAME, LOG, EARLY_STOPPING_PATIENCE, EARLY_STOPPING_THRESHOLD, TRAINER, SENTENCE1_COLUMN,
            SENTENCE2_COLUMN, SENTENCE3_COLUMN, TARGET_COLUMN, MAX_SAMPLES, SKIP_INVALID_ROWS, DEVICE, BATCH_SAMPLER, LOSS, MINI_BATCH_SIZE, SAVE_STEPS, RESUME_FROM_CHECKPOINT, MATRYOSHKA_DIMS, PROMPTS, CORPUS_PATH,
            QUERIES_PATH, QRELS_PATH);

    private static final Map<String, Param<?>> BY_NAME = ALL.stream().collect(Collectors.toUnmodifiableMap(Param::name, Function.identity()));

    /** The parameter with that snake_case name, if any. */
    public static Optional<Param<?>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    private static Param<String> text(String name, String defaultValue, String description) {
        return Param.of(name, String.class, defaultValue, description, s -> s, s -> s);
    }

    private static Param<Integer> integer(String name, Integer defaultValue, String description) {
        return Param.of(name, Integer.class, defaultValue, description, Integer::valueOf, String::valueOf);
    }

    private static Param<Double> decimal(String name, Double defaultValue, String description) {
        return Param.of(name, Double.class, defaultValue, description, Double::valueOf, String::valueOf);
    }

    private static Param<Boolean> bool(String name, Boolean defaultValue, String description) {
        return Param.of(name, Boolean.class, defaultValue, description, s -> switch (s.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(name + ": '" + s + "' is not true or false");
        }, String::valueOf);
    }

    private static <E extends Enum<E> & Choice> Param<E> choice(String name, Class<E> type, E defaultValue, String description) {
        return Param.of(name, type, defaultValue, description + " One of " + Choice.ids(type) + ".",
                s -> Choice.parse(type, name, s), Choice::id);
    }

    /** The widths of {@code matryoshka_dims} ("384,256"), or null when it is not set. */
    public static int[] matryoshkaDims(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return java.util.Arrays.stream(value.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
    }

    private static String matryoshkaProblem(String value) {
        try {
            int[] dims = matryoshkaDims(value);
            if (dims != null && (dims.length == 0 || java.util.Arrays.stream(dims).anyMatch(d -> d < 1)
                    || java.util.Arrays.stream(dims).distinct().count() != dims.length)) {
                return "expected distinct positive widths separated by commas (e.g. 384,256,128,64), got '" + value + "'";
            }
            return null;
        } catch (NumberFormatException e) {
            return "expected distinct positive widths separated by commas (e.g. 384,256,128,64), got '" + value + "'";
        }
    }

    private static Param.Check<String> required() {
        return v -> v == null || v.isBlank() ? "is required" : null;
    }

    private static Param.Check<Integer> atLeast(int min) {
        return v -> v != null && v >= min ? null : "must be >= " + min + ", got " + v;
    }

    private static Param.Check<Double> atLeast(double min, String remark) {
        return v -> v != null && v >= min ? null : "must be >= " + (min == 0 ? "0" : min) + remark + ", got " + v;
    }
}
