package dev.st4j.mining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.st4j.model.SentenceTransformer;
import dev.st4j.similarity.SimilarityFunction;
import dev.st4j.testing.Shared;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Hard negatives: the best-scoring eligible candidates, whatever the block size; the filters; the output formats. */
class HardNegativeMinerTest {
    private static final List<String> ANCHORS = List.of("a man plays a guitar", "a woman slices an onion", "the market fell",
            "a dog runs in the park", "children play football");
    private static final List<String> POSITIVES = List.of("someone plays an instrument", "someone cuts a vegetable",
            "stocks dropped sharply", "a puppy is running outside", "kids are playing soccer");
    private static final List<String> CORPUS = List.of("a man plays a violin", "a chef chops garlic", "the economy grew",
            "a cat sleeps on a sofa", "adults watch a match", "a woman plays a piano", "prices went up", "a dog swims in a lake");
    private static SentenceTransformer model;

    @BeforeAll
    static void load() throws Exception {
        model = SentenceTransformer.load(Shared.tinyModel("bert"));
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void eachNegativeIsTheBestScoringEligibleCandidateWhateverTheBlockSize() {
        MiningOptions wide = new MiningOptions(2, 13, null, null, 1024, 32);
        List<MinedExample> mined = new HardNegativeMiner(model, wide).mine(ANCHORS, POSITIVES, CORPUS);
        List<MinedExample> blockwise = new HardNegativeMiner(model, new MiningOptions(2, 13, null, null, 1, 2)).mine(ANCHORS, POSITIVES, CORPUS);
        for (int i = 0; i < mined.size(); i++) {
            assertEquals(mined.get(i).negatives(), blockwise.get(i).negatives(), "blocks of one give the same negatives");
            assertEquals(mined.get(i).negativeScores().get(0), blockwise.get(i).negativeScores().get(0), 1e-5);
        }
        SimilarityFunction sim = SimilarityFunction.of(model);
        List<String> candidates = new ArrayList<>(CORPUS);
        candidates.addAll(POSITIVES);
        float[][] c = model.encode(candidates);
        for (int i = 0; i < ANCHORS.size(); i++) {
            float[] a = model.encode(List.of(ANCHORS.get(i)))[0];
            int row = i;
            List<Integer> ranked = new ArrayList<>();
            for (int j = 0; j < candidates.size(); j++) {
                if (!candidates.get(j).equals(POSITIVES.get(row))) {
                    ranked.add(j);
                }
            }
            ranked.sort(Comparator.comparingDouble((Integer j) -> -sim.of(a, c[j])));
            MinedExample e = mined.get(i);
            assertEquals(List.of(candidates.get(ranked.get(0)), candidates.get(ranked.get(1))), e.negatives(), "pair " + i);
            assertEquals(sim.of(a, c[ranked.get(0)]), e.negativeScores().get(0), 1e-5);
            assertEquals(sim.of(a, model.encode(List.of(POSITIVES.get(i)))[0]), e.positiveScore(), 1e-5);
            assertTrue(e.negativeScores().get(0) >= e.negativeScores().get(1));
        }
    }

    @Test
    void maxScoreAndMarginSkipLikelyPositives() {
        List<MinedExample> plain = new HardNegativeMiner(model, new MiningOptions(1, 13, null, null, 4, 32)).mine(ANCHORS, POSITIVES, CORPUS);
        double cap = plain.get(0).negativeScores().get(0) - 1e-6;
        List<MinedExample> capped = new HardNegativeMiner(model, new MiningOptions(1, 13, cap, null, 4, 32)).mine(ANCHORS, POSITIVES, CORPUS);
        assertNotEquals(plain.get(0).negatives(), capped.get(0).negatives());
        assertTrue(capped.stream().allMatch(e -> e.negativeScores().stream().allMatch(s -> s <= cap)));
        List<MinedExample> margined = new HardNegativeMiner(model, new MiningOptions(1, 13, null, 0.05, 4, 32)).mine(ANCHORS, POSITIVES, CORPUS);
        for (MinedExample e : margined) {
            assertTrue(e.negativeScores().stream().allMatch(s -> s <= e.positiveScore() - 0.05), e.toString());
        }
    }

    @Test
    void withoutACorpusTheOtherPositivesAreTheCandidates() {
        List<MinedExample> mined = new HardNegativeMiner(model, MiningOptions.DEFAULTS).mine(ANCHORS, POSITIVES, null);
        for (int i = 0; i < mined.size(); i++) {
            assertEquals(1, mined.get(i).negatives().size());
            assertTrue(POSITIVES.contains(mined.get(i).negatives().get(0)));
            assertNotEquals(POSITIVES.get(i), mined.get(i).negatives().get(0));
        }
    }

    @Test
    void tripletAndTupleTables() {
        List<MinedExample> mined = new HardNegativeMiner(model, new MiningOptions(2, 5, null, null, 8, 32)).mine(ANCHORS, POSITIVES, CORPUS);
        Table triplets = MinedTable.of(mined, "triplet", 2);
        assertEquals(List.of("anchor", "positive", "negative", "positive_score", "negative_score"), triplets.columnNames());
        assertEquals(10, triplets.rowCount());
        Table tuples = MinedTable.of(mined, "n-tuple", 2);
        assertEquals(List.of("anchor", "positive", "negative_1", "negative_2", "positive_score", "negative_1_score", "negative_2_score"),
                tuples.columnNames());
        assertEquals(5, tuples.rowCount());
        assertThrows(IllegalArgumentException.class, () -> MinedTable.of(mined, "pairs", 2));
        assertThrows(IllegalArgumentException.class, () -> new MiningOptions(3, 2, null, null, 8, 32));
    }
}
