package dev.st4j.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.st4j.params.Params;
import org.junit.jupiter.api.Test;

/** The schedules against Hugging Face's formulas at chosen steps (T = 10 steps, W = 2, peak 1e-3). */
class LearningRateScheduleTest {
    private static LearningRateSchedule of(String type) {
        return new LearningRateSchedule(Params.SCHEDULER.parse(type), 10, 2, 1e-3);
    }

    @Test
    void linearWarmsUpFromZeroThenDecaysToZero() {
        LearningRateSchedule s = of("linear");
        assertEquals(0.0, s.rate(1), 1e-15, "the first step has lr 0");
        assertEquals(0.5e-3, s.rate(2), 1e-15);
        assertEquals(1e-3, s.rate(3), 1e-15);
        assertEquals(1e-3 * 7 / 8, s.rate(4), 1e-15, "(T − (k−1)) / (T − W)");
        assertEquals(1e-3 / 8, s.rate(10), 1e-15);
    }

    @Test
    void cosineHalfWave() {
        LearningRateSchedule s = of("cosine");
        assertEquals(1e-3, s.rate(3), 1e-15);
        assertEquals(1e-3 * 0.5 * (1 + Math.cos(Math.PI * 4 / 8)), s.rate(7), 1e-15);
    }

    @Test
    void constantKindsAndPolynomial() {
        assertEquals(1e-3, of("constant").rate(1), 1e-15, "constant ignores warm-up");
        assertEquals(0.0, of("constant_with_warmup").rate(1), 1e-15);
        assertEquals(1e-3, of("constant_with_warmup").rate(9), 1e-15);
        double end = 1e-7;
        assertEquals((1e-3 - end) * (1 - 3.0 / 8) + end, of("polynomial").rate(6), 1e-15);
    }

    @Test
    void warmupStepsRoundUp() {
        assertEquals(36, LearningRateSchedule.warmupSteps(0.1, 360));
        assertEquals(6, LearningRateSchedule.warmupSteps(0.1, 51));
    }
}
