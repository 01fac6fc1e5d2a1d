package dev.st4j.kind;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The five AutoTrain sentence-transformers trainers and every rule that differs between them: the
 * text columns each reads and their conventional names, what its target is, the loss it optimises,
 * how it is validated, and which extra inputs it accepts. Code elsewhere asks the kind instead of
 * comparing trainer names.
 */
public enum TrainerKind {
    PAIR("pair", 2, Target.NONE, LossFunction.MULTIPLE_NEGATIVES_RANKING, Validation.INFORMATION_RETRIEVAL,
            List.of("anchor", "positive")),
    PAIR_CLASS("pair_class", 2, Target.LABEL, LossFunction.SOFTMAX, Validation.PAIR_CLASSIFICATION,
            List.of("premise", "hypothesis", "label")),
    PAIR_SCORE("pair_score", 2, Target.SCORE, LossFunction.COSENT, Validation.EMBEDDING_SIMILARITY,
            List.of("sentence1", "sentence2", "score")),
    TRIPLET("triplet", 3, Target.NONE, LossFunction.MULTIPLE_NEGATIVES_RANKING, Validation.TRIPLET,
            List.of("anchor", "positive", "negative")),
    QA("qa", 2, Target.NONE, LossFunction.MULTIPLE_NEGATIVES_RANKING, Validation.INFORMATION_RETRIEVAL,
            List.of("query", "answer"));

    /** The order in which {@link #fromColumns} tries the trainers without a target column. */
    private static final List<TrainerKind> BY_COLUMN_COUNT = List.of(TRIPLET, QA, PAIR);

    private final String cliName;
    private final int textColumns;
    private final Target target;
    private final LossFunction loss;
    private final Validation validation;
    private final List<String> conventionalColumns;

    TrainerKind(String cliName, int textColumns, Target target, LossFunction loss, Validation validation,
            List<String> conventionalColumns) {
        this.cliName = cliName;
        this.textColumns = textColumns;
        this.target = target;
        this.loss = loss;
        this.validation = validation;
        this.conventionalColumns = conventionalColumns;
    }

    /** The name used in parameters and on the command line. */
    public String cliName() {
        return cliName;
    }

    /** Number of text columns. */
    public int textColumns() {
        return textColumns;
    }

    /** What the target is. */
    public Target target() {
        return target;
    }

    /** Whether rows carry a target (a score or a label) besides the texts. */
    public boolean hasTarget() {
        return target != Target.NONE;
    }

    /** The loss this trainer optimises. */
    public LossFunction loss() {
        return loss;
    }

    /** How a validation split is scored. */
    public Validation validation() {
        return validation;
    }

    /**
     * Whether BEIR-style retrieval files may replace the validation split: for the trainers whose validation is
     * retrieval (pair, qa), and for triplet, whose mined triplets usually serve retrieval.
     */
    public boolean acceptsRetrievalFiles() {
        return validation == Validation.INFORMATION_RETRIEVAL || textColumns == 3;
    }

    /** Whether the trainer reads a third text column (the negative), which must then be named. */
    public boolean needsThirdColumn() {
        return textColumns == 3;
    }

    /** The reference page's column names: the text columns, then the target if any. */
    public List<String> conventionalColumns() {
        return conventionalColumns;
    }

    /**
     * The trainer whose conventional columns a table has: a {@code score} column means pair_score, a
     * {@code label} column pair_class, else the first of triplet, qa and pair whose columns are all there.
     */
    public static Optional<TrainerKind> fromColumns(Collection<String> columns) {
        if (columns.contains("score")) {
            return Optional.of(PAIR_SCORE);
        }
        if (columns.contains("label")) {
            return Optional.of(PAIR_CLASS);
        }
        return BY_COLUMN_COUNT.stream().filter(k -> columns.containsAll(k.conventionalColumns)).findFirst();
    }

    /** Parses a trainer name; the error names the parameter and the valid values. */
    public static TrainerKind parse(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("trainer: '" + name + "' is not one of " + names()));
    }

    /** The trainer of that name, if any. */
    public static Optional<TrainerKind> find(String name) {
        return Arrays.stream(values()).filter(k -> k.cliName.equals(name)).findFirst();
    }

    /** The trainer names, comma-separated, for messages. */
    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(TrainerKind::cliName).toList());
    }

    @Override
    public String toString() {
        return cliName;
    }
}
