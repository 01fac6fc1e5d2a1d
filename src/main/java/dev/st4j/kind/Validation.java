package dev.st4j.kind;

/** How a trainer's validation split is scored, by the sentence-transformers evaluator that does it. */
public enum Validation {
    /** Correlation of embedding similarities with gold scores (EmbeddingSimilarityEvaluator). */
    EMBEDDING_SIMILARITY,
    /** Binary classification by a similarity threshold, or the training classifier for more classes. */
    PAIR_CLASSIFICATION,
    /** Whether the anchor is closer to the positive than to the negative (TripletEvaluator). */
    TRIPLET,
    /** Retrieval of each first text's second text among all of them (InformationRetrievalEvaluator). */
    INFORMATION_RETRIEVAL
}
