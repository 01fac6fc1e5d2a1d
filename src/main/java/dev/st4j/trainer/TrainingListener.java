package dev.st4j.trainer;

import java.nio.file.Path;

/**
 * Receives a training run's progress. The training core knows nothing of terminals or notebooks:
 * progress bars, log files, trackers and live plots are all listeners.
 */
public interface TrainingListener {
    /** Once, before the first step. */
    default void onTrainBegin(TrainingPlan plan) {}

    /** Every {@code logging_steps} optimizer steps. */
    default void onLog(StepLog log) {}

    /** After each evaluation. */
    default void onEvaluation(EvaluationLog log) {}

    /** After a checkpoint folder has been written. */
    default void onCheckpoint(Path checkpoint) {}

    /** A notice for the user that is not a metric (a skipped update, a retry with a smaller batch, an upload). */
    default void onMessage(String message) {}

    /** Once, after the final model has been saved (or the run was interrupted). */
    default void onTrainEnd(TrainingResult result) {}
}
