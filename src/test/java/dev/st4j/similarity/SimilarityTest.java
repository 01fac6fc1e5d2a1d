package dev.st4j.similarity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Cosine and dot similarity matrices and top-k search, against values worked out by hand. */
class SimilarityTest {
    private static final float[][] A = {{1, 0}, {1, 1}};
    private static final float[][] B = {{2, 0}, {0, 3}, {-1, -1}};

    @Test
    void cosineMatrix() {
        float r = (float) (1 / Math.sqrt(2));
        float[][] s = Similarity.cosSim(A, B);
        assertArrayEquals(new float[] {1, 0, -r}, s[0], 1e-6f);
        assertArrayEquals(new float[] {r, r, -1}, s[1], 1e-6f);
    }

    @Test
    void dotMatrix() {
        float[][] s = Similarity.dotScore(A, B);
        assertArrayEquals(new float[] {2, 0, -1}, s[0], 1e-6f);
        assertArrayEquals(new float[] {2, 3, -2}, s[1], 1e-6f);
    }

    @Test
    void semanticSearchRanksByCosine() {
        List<List<SearchHit>> hits = SemanticSearch.search(new float[][] {{0, 1}, {1, 0.1f}}, B, 2);
        assertEquals(List.of(1, 0), hits.get(0).stream().map(SearchHit::corpusId).toList());
        assertEquals(1.0f, hits.get(0).get(0).score(), 1e-6f);
        assertEquals(0, hits.get(1).get(0).corpusId());
        assertEquals(2, hits.get(1).size());
    }

    @Test
    void topKLargerThanCorpusReturnsWholeCorpus() {
        assertEquals(3, SemanticSearch.search(new float[][] {{1, 0}}, B, 10).get(0).size());
    }
}
