package dev.st4j.trainer;

/** The training loss (mean since the previous log), learning rate and speed at an optimizer step. */
public record StepLog(int step, int totalSteps, double epoch, double loss, double learningRate, double gradNorm,
        double elapsedSeconds, double examplesPerSecond) {}
