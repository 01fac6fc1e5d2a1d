package dev.st4j.trainer;

import dev.st4j.kind.TrainerKind;

/** What a run is about to do, known before its first step ({@code resumedFromStep}: 0, or the checkpoint it continues from). */
public record TrainingPlan(TrainerKind kind, String model, String loss, int trainExamples, int validationExamples,
        int epochs, int batchSize, int stepsPerEpoch, int totalSteps, int warmupSteps, int loggingSteps,
        String primaryMetric, int resumedFromStep) {}
