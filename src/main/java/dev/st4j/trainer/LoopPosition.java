package dev.st4j.trainer;

/** Where a training loop stands and what it has counted so far: the part of its state that is plain numbers. */
final class LoopPosition {
    /** Optimizer steps taken. */
    int step;
    /** The epoch in progress (0-based). */
    int epoch;
    /** Index, in the epoch's batch order, of the next batch to train on. */
    int nextBatch;
    /** Training examples seen. */
    int examples;
    /** Updates skipped for a non-finite gradient. */
    int skipped;
    /** Whether early stopping has already ended the run. */
    boolean stoppedEarly;
    /** Seconds of training up to this position, as of the last checkpoint. */
    double seconds;
}
