package dev.st4j.index;

import dev.st4j.similarity.SimilarityFunction;
import org.apache.lucene.index.VectorSimilarityFunction;

/**
 * A model's similarity function as Lucene's vector similarity, and Lucene's scores (always positive, higher
 * is better) back in the model's own terms (cosine, dot product, negated euclidean distance), as
 * sentence-transformers reports them.
 */
final class LuceneSimilarity {
    private LuceneSimilarity() {}

    /** Lucene's function for a model's; Manhattan distance has none. */
    static VectorSimilarityFunction of(SimilarityFunction function) {
        return switch (function) {
            case COSINE -> VectorSimilarityFunction.COSINE;
            case DOT -> VectorSimilarityFunction.MAXIMUM_INNER_PRODUCT;
            case EUCLIDEAN -> VectorSimilarityFunction.EUCLIDEAN;
            case MANHATTAN -> throw new IllegalArgumentException(
                    "the model compares embeddings by manhattan distance, which a Lucene vector index does not offer (cosine, dot, euclidean)");
        };
    }

    /** The model's similarity from Lucene's score of a hit. */
    static float modelScore(SimilarityFunction function, float luceneScore) {
        return switch (function) {
            case COSINE -> 2 * luceneScore - 1;
            case DOT -> luceneScore < 1 ? 1 - 1 / luceneScore : luceneScore - 1;
            case EUCLIDEAN -> (float) -Math.sqrt(Math.max(0, 1 / luceneScore - 1));
            case MANHATTAN -> throw new IllegalStateException("no Lucene index uses manhattan distance");
        };
    }
}
