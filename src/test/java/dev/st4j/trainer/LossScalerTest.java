package dev.st4j.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The dynamic loss scale follows PyTorch's GradScaler: halve on overflow, double after a run of finite steps. */
class LossScalerTest {
    @Test
    void startsAtPyTorchsDefault() {
        assertEquals(65536.0, new LossScaler().scale());
    }

    @Test
    void halvesOnEveryOverflowAndDoublesAfterTheIntervalOfFiniteSteps() {
        LossScaler s = new LossScaler(1024, 3);
        s.update(false);
        assertEquals(512, s.scale());
        s.update(false);
        assertEquals(256, s.scale());
        s.update(true);
        s.update(true);
        assertEquals(256, s.scale(), "two finite steps are not yet the interval");
        s.update(true);
        assertEquals(512, s.scale(), "the third finite step in a row doubles");
        s.update(true);
        s.update(true);
        s.update(false);
        assertEquals(256, s.scale(), "an overflow halves and restarts the count");
        s.update(true);
        s.update(true);
        assertEquals(256, s.scale());
        s.update(true);
        assertEquals(512, s.scale());
    }

    @Test
    void overflowsFromTheStartBackOffUntilGradientsFit() {
        LossScaler s = new LossScaler();
        for (int i = 0; i < 10; i++) {
            s.update(false);
        }
        assertEquals(64.0, s.scale());
    }

    @Test
    void refusesAScaleThatCannotWork() {
        assertThrows(IllegalArgumentException.class, () -> new LossScaler(0, 10));
        assertThrows(IllegalArgumentException.class, () -> new LossScaler(Double.NaN, 10));
        assertThrows(IllegalArgumentException.class, () -> new LossScaler(2, 0));
    }
}
