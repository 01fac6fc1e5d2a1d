package dev.st4j.trainer;

import ai.djl.engine.EngineException;
import dev.st4j.engine.EngineNotice;
import dev.st4j.params.ParamsValidator;
import dev.st4j.params.SentenceTransformersParams;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Fine-tunes a sentence-transformers model as AutoTrain's sentence-transformers task does: validates
 * the parameters, reads the data, prepares a {@link TrainingRun} and runs its {@link TrainingLoop};
 * with {@code auto_find_batch_size}, a run that runs out of memory starts again with half the batch.
 * Progress leaves only through {@link TrainingListener}s.
 */
public final class Trainer {
    private final SentenceTransformersParams params;
    private final List<TrainingListener> listeners;
    private final BooleanSupplier gpu;

    /** A trainer for {@code params}, reporting to {@code listeners}. */
    public Trainer(SentenceTransformersParams params, List<TrainingListener> listeners) {
        this(params, listeners, Trainer::gpuAvailable);
    }

    /** A trainer that takes {@code gpu}'s word for whether a GPU is there (tests run the GPU-only paths on the CPU). */
    Trainer(SentenceTransformersParams params, List<TrainingListener> listeners, BooleanSupplier gpu) {
        this.params = params;
        this.listeners = List.copyOf(listeners);
        this.gpu = gpu;
    }

    /** Whether DJL sees a GPU. */
    public static boolean gpuAvailable() {
        return EngineNotice.load().getGpuCount() > 0;
    }

    /** Trains and writes the project folder; see the class comment. */
    public TrainingResult train() throws IOException {
        ParamsValidator.validate(params, gpu);
        TrainingData data = TrainingData.read(params, params.trainer());
        int batchSize = params.batchSize();
        while (true) {
            try (TrainingRun run = TrainingRun.prepare(params, data, batchSize)) {
                return new TrainingLoop(run, listeners).run();
            } catch (EngineException e) {
                if (!params.autoFindBatchSize() || !outOfMemory(e) || batchSize == 1) {
                    throw e;
                }
                batchSize /= 2;
                String message = "out of memory; retrying with batch_size " + batchSize;
                listeners.forEach(l -> l.onMessage(message));
            }
        }
    }

    private static boolean outOfMemory(EngineException e) {
        return String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).matches("(?s).*(out of memory|bad_alloc).*");
    }
}
