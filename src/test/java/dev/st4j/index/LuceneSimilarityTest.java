package dev.st4j.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.st4j.similarity.SimilarityFunction;
import java.util.Random;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Lucene's scores of random vector pairs, turned back into the model's similarity, equal that similarity computed directly. */
class LuceneSimilarityTest {
    @ParameterizedTest
    @EnumSource(value = SimilarityFunction.class, names = {"COSINE", "DOT", "EUCLIDEAN"})
    void luceneScoresMapBackToTheModelsSimilarity(SimilarityFunction function) {
        VectorSimilarityFunction lucene = LuceneSimilarity.of(function);
        Random random = new Random(1);
        for (int i = 0; i < 200; i++) {
            float[] a = random(random);
            float[] b = random(random);
            float expected = function.matrix(new float[][] {a}, new float[][] {b})[0][0];
            assertEquals(expected, LuceneSimilarity.modelScore(function, lucene.compare(a, b)), 1e-4 * Math.max(1, Math.abs(expected)),
                    function + " pair " + i);
        }
    }

    @Test
    void manhattanHasNoLuceneIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LuceneSimilarity.of(SimilarityFunction.MANHATTAN));
        assertEquals(true, e.getMessage().contains("manhattan"));
    }

    private static float[] random(Random random) {
        float[] v = new float[16];
        for (int j = 0; j < v.length; j++) {
            v[j] = (float) random.nextGaussian();
        }
        return v;
    }
}
