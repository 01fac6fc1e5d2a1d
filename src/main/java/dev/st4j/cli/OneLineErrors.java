package dev.st4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Reports a failed command as one line on standard error ("st4j: …"), with the stack trace only when ST4J_DEBUG is set. */
final class OneLineErrors implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        if (System.getenv("ST4J_DEBUG") != null) {
            e.printStackTrace();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        cmd.getErr().println(cmd.getCommandName() + ": " + message);
        return 1;
    }
}
