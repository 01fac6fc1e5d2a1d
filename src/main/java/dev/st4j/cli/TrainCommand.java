package dev.st4j.cli;

import dev.st4j.params.ParamFlags;
import dev.st4j.params.SentenceTransformersParams;
import dev.st4j.task.SentenceTransformersTask;
import dev.st4j.trainer.ConsoleReporter;
import dev.st4j.trainer.TrainingResult;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code st4j train}: fine-tune a model with AutoTrain's parameters; Ctrl-C stops at the next step and keeps the model so far. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Fine-tune a sentence-transformers model (AutoTrain's sentence-transformers task).")
final class TrainCommand implements Callable<Integer>, ParamFlags.Host {
    private final ParamFlags options = new ParamFlags();

    @Override
    public ParamFlags paramFlags() {
        return options;
    }

    @Override
    public Integer call() throws Exception {
        return train(options.toParams());
    }

    /** Runs a training job with a Ctrl-C handler; shared with {@code autotrain}. */
    static int train(SentenceTransformersParams params) throws Exception {
        Thread worker = Thread.currentThread();
        Thread hook = new Thread(() -> {
            worker.interrupt();
            try {
                worker.join(120_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            TrainingResult r = SentenceTransformersTask.train(params, List.of(ConsoleReporter.onStandardError()));
            return r.interrupted() ? 130 : 0;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already shutting down (Ctrl-C): the hook is running and waits for us.
            }
        }
    }
}
