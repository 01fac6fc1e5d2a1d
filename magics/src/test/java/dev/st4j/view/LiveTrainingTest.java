package dev.st4j.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.st4j.kind.TrainerKind;
import dev.st4j.trainer.EvaluationLog;
import dev.st4j.trainer.StepLog;
import dev.st4j.trainer.TrainingPlan;
import dev.st4j.trainer.TrainingResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The live figure keeps within Jupyter's output rate limits: one redraw a second at most, the final state always. */
class LiveTrainingTest {
    private final List<String> events = new ArrayList<>();
    private long now;

    private final NotebookDisplay display = new NotebookDisplay() {
        @Override
        public String show(Object value) {
            events.add("show " + value.getClass().getSimpleName());
            return "figure";
        }

        @Override
        public void update(String displayId, Object value) {
            assertInstanceOf(Png.class, value);
            events.add("update at " + now / 1_000_000 + " ms");
        }
    };

    @Test
    void aThousandFastStepsRedrawTheFigureOnceASecondAndAtTheEnd() {
        LiveTraining live = new LiveTraining(display, 1_000_000_000L, () -> now);
        int steps = 1000;
        live.onTrainBegin(new TrainingPlan(TrainerKind.PAIR_SCORE, "m", "CoSENTLoss", 8000, 0, 1, 8, steps, steps, 0, 1, null, 0));
        for (int s = 1; s <= steps; s++) {
            now += 2_500_000L;
            live.onLog(new StepLog(s, steps, s / (double) steps, 1.0 / s, 1e-5, 1.0, now / 1e9, 100));
            if (s % 100 == 0) {
                live.onEvaluation(new EvaluationLog(s, s / (double) steps, Map.of("spearman_cosine", s / 1000.0), "spearman_cosine", true));
            }
        }
        now += 1_000_000L;
        live.onTrainEnd(new TrainingResult(Path.of("p"), steps, 8000, now / 1e9, 0.5, Map.of(), Map.of(), null, false, false, 0));
        List<String> updates = events.stream().filter(e -> e.startsWith("update")).toList();
        assertEquals("update at 2 ms", updates.get(0), "the first step is drawn at once");
        assertTrue(updates.size() <= 1 + 2 + 1 + 1, "2.5 s of training: the first draw, one a second, and the end: " + updates);
        assertEquals("update at 2501 ms", updates.get(updates.size() - 1), "the final state is drawn when training ends");
        assertEquals(1, events.stream().filter(e -> e.equals("show Png")).count(), "one figure, updated in place");
    }
}
