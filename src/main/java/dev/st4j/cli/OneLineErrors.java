package dev.st4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** Reports a failed command or a bad flag as one line on standard error ("st4j: …"), with the stack trace only when ST4J_DEBUG is set. */
final class OneLineErrors implements IExecutionExceptionHandler, IParameterExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        if (System.getenv("ST4J_DEBUG") != null) {
            e.printStackTrace();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        cmd.getErr().println(cmd.getCommandName() + ": " + message);
        return 1;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        cmd.getErr().println(cmd.getCommandName() + ": " + e.getMessage().lines().findFirst().orElse("")
                + " (try " + cmd.getCommandSpec().qualifiedName() + " --help)");
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }
}
