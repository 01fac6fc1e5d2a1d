package dev.st4j.cli;

import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code st4j} command line: one subcommand per job. */
@Command(name = "st4j", mixinStandardHelpOptions = true, version = "st4j 0.1.0",
        description = "Sentence-embedding models on the JVM: encode, evaluate, train, and look at data first.",
        subcommands = {TrainCommand.class, EvaluateCommand.class, EncodeCommand.class, DataCommand.class, ParamsCommand.class,
            BenchCommand.class, EngineCommand.class, MineCommand.class, IndexCommand.class, SearchCommand.class})
public final class St4jCli implements Runnable {

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status (for tests and embedding). */
    public static int run(String... args) {
        return CommandLines.run(new St4jCli(), args);
    }

    /** Runs the command line with more subcommands (those of modules that build on the core) and returns its status. */
    public static int run(Map<String, Object> extraSubcommands, String... args) {
        return CommandLines.run(new St4jCli(), extraSubcommands, args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
