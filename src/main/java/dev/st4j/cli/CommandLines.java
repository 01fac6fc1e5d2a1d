package dev.st4j.cli;

import dev.st4j.params.ParamFlags;
import java.util.Map;
import picocli.CommandLine;

/** Builds st4j's command lines the same way: one-line errors, later flags overriding earlier ones, DJL offline. */
final class CommandLines {
    private CommandLines() {}

    /** Runs {@code root} on {@code args} and returns the exit status. */
    static int run(Object root, String... args) {
        return run(root, Map.of(), args);
    }

    /** As {@link #run(Object, String...)}, with subcommands added by other modules (the notebook kernel's). */
    static int run(Object root, Map<String, Object> extraSubcommands, String... args) {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        CommandLine cli = new CommandLine(root);
        extraSubcommands.forEach(cli::addSubcommand);
        ParamFlags.install(cli);
        OneLineErrors errors = new OneLineErrors();
        cli.setExecutionExceptionHandler(errors);
        cli.setParameterExceptionHandler(errors);
        cli.setOverwrittenOptionsAllowed(true);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli.execute(args);
    }
}
