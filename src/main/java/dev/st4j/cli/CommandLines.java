package dev.st4j.cli;

import dev.st4j.params.ParamFlags;
import java.util.Map;
import dev.st4j.engine.EngineChoice;
import picocli.CommandLine;

/** Builds st4j's command lines the same way: one-line errors, later flags overriding earlier ones, the engine chosen ({@link EngineChoice}). */
final class CommandLines {
    private CommandLines() {}

    /** Runs {@code root} on {@code args} and returns the exit status. */
    static int run(Object root, String... args) {
        return run(root, Map.of(), args);
    }

    /** As {@link #run(Object, String...)}, with subcommands added by other modules (the notebook kernel's). */
    static int run(Object root, Map<String, Object> extraSubcommands, String... args) {
        CommandLine cli = new CommandLine(root);
        extraSubcommands.forEach(cli::addSubcommand);
        ParamFlags.install(cli);
        OneLineErrors errors = new OneLineErrors();
        cli.setExecutionExceptionHandler(errors);
        cli.setParameterExceptionHandler(errors);
        cli.setOverwrittenOptionsAllowed(true);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        try {
            EngineChoice.configureOffline();
        } catch (IllegalArgumentException e) {
            cli.getErr().println(cli.getCommandName() + ": " + e.getMessage());
            return 2;
        }
        return cli.execute(args);
    }
}
