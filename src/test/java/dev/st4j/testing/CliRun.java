package dev.st4j.testing;

import dev.st4j.cli.St4jCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs {@code st4j} in this JVM and keeps what it printed on standard error. */
public final class CliRun {
    private CliRun() {}

    /** The exit status and the stripped standard-error text of one run. */
    public record Result(int status, String stderr) {}

    /** Runs {@code st4j args} with standard error captured. */
    public static Result run(String... args) {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int status = St4jCli.run(args);
            return new Result(status, err.toString(StandardCharsets.UTF_8).strip());
        } finally {
            System.setErr(old);
        }
    }
}
