package dev.st4j.trainer;

import dev.st4j.params.LossChoice;
import java.util.List;

/** How one batch's loss is turned into gradients on the trainable parameters: in one pass, or through a gradient cache. */
interface BatchGradients {
    /**
     * Adds the gradients of {@code factor} × the batch's loss to the parameters' and returns the loss.
     *
     * @param rows the batch's row indices in the training data
     * @param factor what the loss is multiplied by before backward (the fp16 loss scale over the accumulation)
     * @param seed seeds the random draws (dropout) of this batch
     */
    double accumulate(List<Integer> rows, double factor, int seed);

    /** The strategy a run's {@code loss} parameter asks for. */
    static BatchGradients of(TrainingRun run, boolean fp16) {
        BatchEmbedder embedder = new BatchEmbedder(run.train, run.model, run.prompts, fp16);
        return run.params.loss() == LossChoice.CACHED_MNRL
                ? new CachedBatchGradients(embedder, run.loss, run.params.miniBatchSize())
                : new FullBatchGradients(embedder, run.loss);
    }
}
