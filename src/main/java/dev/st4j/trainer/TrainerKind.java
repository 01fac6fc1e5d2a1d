package dev.st4j.trainer;

import ai.djl.ndarray.NDManager;
import dev.st4j.loss.CoSentLoss;
import dev.st4j.loss.Loss;
import dev.st4j.loss.MultipleNegativesRankingLoss;
import dev.st4j.loss.SoftmaxLoss;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The five AutoTrain sentence-transformers trainers, each with the text columns it reads, what its
 * target is, and the column names its data conventionally uses.
 */
public enum TrainerKind {
    PAIR("pair", 2, Target.NONE, List.of("anchor", "positive")),
    PAIR_CLASS("pair_class", 2, Target.LABEL, List.of("premise", "hypothesis", "label")),
    PAIR_SCORE("pair_score", 2, Target.SCORE, List.of("sentence1", "sentence2", "score")),
    TRIPLET("triplet", 3, Target.NONE, List.of("anchor", "positive", "negative")),
    QA("qa", 2, Target.NONE, List.of("query", "answer"));

    /** What the target column holds. */
    public enum Target {
        /** No target column. */
        NONE,
        /** A number on any scale. */
        SCORE,
        /** A class, written as an integer or a string. */
        LABEL
    }

    private final String cliName;
    private final int textColumns;
    private final Target target;
    private final List<String> conventionalColumns;

    TrainerKind(String cliName, int textColumns, Target target, List<String> conventionalColumns) {
        this.cliName = cliName;
        this.textColumns = textColumns;
        this.target = target;
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

    /** The reference page's column names: the text columns, then the target if any. */
    public List<String> conventionalColumns() {
        return conventionalColumns;
    }

    /**
     * The loss this trainer optimises: MultipleNegativesRankingLoss for pair, qa and triplet, SoftmaxLoss
     * for pair_class, CoSENTLoss for pair_score.
     *
     * @param manager owns the loss's own parameters (the pair_class classifier)
     */
    public Loss newLoss(NDManager manager, int dimension, int numLabels, long seed) {
        return switch (this) {
            case PAIR, QA, TRIPLET -> new MultipleNegativesRankingLoss();
            case PAIR_CLASS -> new SoftmaxLoss(manager, dimension, numLabels, seed);
            case PAIR_SCORE -> new CoSentLoss();
        };
    }

    /** Parses a trainer name; the error names the parameter and the valid values. */
    public static TrainerKind parse(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("trainer: '" + name
                + "' is not one of " + String.join(", ", Arrays.stream(values()).map(TrainerKind::cliName).toList())));
    }

    /** The trainer of that name, if any. */
    public static Optional<TrainerKind> find(String name) {
        return Arrays.stream(values()).filter(k -> k.cliName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return cliName;
    }
}
