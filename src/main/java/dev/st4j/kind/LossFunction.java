package dev.st4j.kind;

/** The training objectives of the trainers, by their sentence-transformers class names. */
public enum LossFunction {
    /** In-batch negatives (and explicit negatives): pair, qa, triplet. */
    MULTIPLE_NEGATIVES_RANKING("MultipleNegativesRankingLoss"),
    /** A classifier over (u, v, |u − v|): pair_class. */
    SOFTMAX("SoftmaxLoss"),
    /** Ranking of pair similarities by their gold scores: pair_score. */
    COSENT("CoSENTLoss");

    private final String className;

    LossFunction(String className) {
        this.className = className;
    }

    /** The sentence-transformers class name, for logs and the model card. */
    public String className() {
        return className;
    }
}
