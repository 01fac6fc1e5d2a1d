package dev.st4j.magics;

import dev.st4j.params.ParamFlags;
import java.util.List;
import picocli.CommandLine;

/** Parses a magic's arguments into its declared picocli schema; a bad flag becomes a one-line {@link MagicException}. */
public final class MagicArgs {
    private MagicArgs() {}

    /** Fills {@code spec}'s options from {@code args} and returns it. */
    public static <T> T parse(String magic, T spec, List<String> args) {
        CommandLine cli = new CommandLine(spec);
        cli.setOverwrittenOptionsAllowed(true);
        ParamFlags.install(cli);
        try {
            cli.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new MagicException("%" + magic + ": " + e.getMessage().lines().findFirst().orElse("bad arguments")
                    + " (see %st_help)");
        }
        return spec;
    }

    /** The long flags {@code spec} declares (training parameters included), sorted. */
    public static List<String> flags(Object spec) {
        CommandLine cli = new CommandLine(spec);
        ParamFlags.install(cli);
        return cli.getCommandSpec().optionsMap().keySet().stream().filter(n -> n.startsWith("--")).sorted().toList();
    }

    /** The message of a failure, first line only, prefixed with the magic's name. */
    public static MagicException failure(String magic, Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getMessage() == null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().lines().findFirst().orElse("");
        return new MagicException("%" + magic + ": " + message);
    }
}
