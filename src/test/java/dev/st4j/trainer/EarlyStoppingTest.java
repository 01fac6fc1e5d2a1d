package dev.st4j.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Early stopping as Hugging Face's EarlyStoppingCallback: direction, threshold edges, patience. */
class EarlyStoppingTest {
    /** The evaluation (1-based) at which training stops, or 0 if it never does. */
    private static int stopsAt(int patience, double threshold, boolean greaterIsBetter, double... metrics) {
        EarlyStopping e = new EarlyStopping(patience, threshold, greaterIsBetter);
        for (int i = 0; i < metrics.length; i++) {
            if (e.update(metrics[i])) {
                return i + 1;
            }
        }
        return 0;
    }

    @Test
    void improvementsBeyondTheThresholdNeverStop() {
        assertEquals(0, stopsAt(1, 0.01, true, 0.50, 0.52, 0.54, 0.56));
        assertEquals(0, stopsAt(1, 0.01, false, 2.0, 1.9, 1.8, 1.7), "a loss falling is an improvement");
    }

    @Test
    void theDirectionDecidesWhatIsAnImprovement() {
        assertEquals(2, stopsAt(1, 0.0, true, 0.5, 0.4), "a lower score is a miss when greater is better");
        assertEquals(0, stopsAt(1, 0.0, false, 0.5, 0.4), "a lower loss is an improvement when less is better");
        assertEquals(2, stopsAt(1, 0.0, false, 0.5, 0.6), "a higher loss is a miss");
    }

    @Test
    void anImprovementOfExactlyTheThresholdIsAMiss() {
        assertEquals(2, stopsAt(1, 0.25, true, 0.5, 0.75), "0.25 is not more than 0.25");
        assertEquals(0, stopsAt(1, 0.25, true, 0.5, 0.875), "0.375 is");
        assertEquals(2, stopsAt(1, 0.0, true, 0.5, 0.5), "an equal value is a miss even with no threshold");
    }

    @Test
    void smallImprovementsRaiseTheBestButCountAsMisses() {
        // Binary fractions, so that differences are exact: each value is 0.0625 above the best before it,
        // within the 0.125 threshold, so three misses in a row.
        assertEquals(4, stopsAt(3, 0.125, true, 0.5, 0.5625, 0.625, 0.6875));
        // Against the raised best 0.625, 0.8125 is a step of 0.1875, under 0.25: a miss, although 0.3125 above the first value.
        assertEquals(3, stopsAt(2, 0.25, true, 0.5, 0.625, 0.8125));
    }

    @Test
    void patienceCountsMissesInARowAndAnImprovementResetsIt() {
        assertEquals(0, stopsAt(2, 0.0, true, 0.5, 0.4, 0.6, 0.5, 0.7, 0.6));
        assertEquals(7, stopsAt(2, 0.0, true, 0.5, 0.4, 0.6, 0.5, 0.7, 0.6, 0.65));
        List<Integer> stops = new ArrayList<>();
        for (int patience = 1; patience <= 4; patience++) {
            stops.add(stopsAt(patience, 0.0, true, 0.9, 0.8, 0.8, 0.8, 0.8));
        }
        assertEquals(List.of(2, 3, 4, 5), stops);
    }
}
