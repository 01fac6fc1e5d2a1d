package dev.st4j.cli;

import dev.st4j.params.ParamFlags;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code autotrain}: runs AutoTrain's own {@code autotrain sentence-transformers --train …} command lines unchanged. */
@Command(name = "autotrain", mixinStandardHelpOptions = true, version = "st4j 0.1.0 (autotrain compatible)",
        description = "AutoTrain-compatible command line.", subcommands = {AutotrainCli.SentenceTransformers.class})
public final class AutotrainCli implements Runnable {

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status (for tests and embedding). */
    public static int run(String... args) {
        return CommandLines.run(new AutotrainCli(), args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** The sentence-transformers task. */
    @Command(name = "sentence-transformers", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Train a sentence-transformers model.")
    static final class SentenceTransformers implements Callable<Integer>, ParamFlags.Host {
        @Option(names = "--train", description = "Run training (required).")
        boolean train;

        @Option(names = "--backend", description = "Where to train; only 'local' exists here.")
        String backend;

        private final ParamFlags options = new ParamFlags();

        @Override
        public ParamFlags paramFlags() {
            return options;
        }

        @Override
        public Integer call() throws Exception {
            if (!train) {
                throw new IllegalArgumentException("--train: nothing to do without --train");
            }
            if (backend != null && !backend.startsWith("local")) {
                throw new IllegalArgumentException("--backend " + backend + ": only local training is available");
            }
            return TrainCommand.train(options.toParams());
        }
    }
}
