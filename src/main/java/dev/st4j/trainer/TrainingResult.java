package dev.st4j.trainer;

import java.nio.file.Path;
import java.util.Map;

/**
 * How a run ended: where the model is, how long it took, its final and best metrics, and whether it
 * stopped early or was interrupted, and how many updates were skipped for a non-finite gradient.
 */
public record TrainingResult(Path projectDir, int steps, int examplesSeen, double seconds, double meanLoss,
        Map<String, Double> finalMetrics, Map<String, Double> bestMetrics, Integer bestStep, boolean stoppedEarly,
        boolean interrupted, int skippedSteps) {

    /** Training throughput. */
    public double examplesPerSecond() {
        return seconds > 0 ? examplesSeen / seconds : 0;
    }
}
