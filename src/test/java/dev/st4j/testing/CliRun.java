package dev.st4j.testing;

import dev.st4j.cli.St4jCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs {@code st4j} in this JVM and keeps what it printed on standard output and standard error. */
public final class CliRun {
    private CliRun() {}

    /** The exit status, the stripped standard-error text and the standard output of one run. */
    public record Result(int status, String stderr, String stdout) {}

    /** Runs {@code st4j args} with standard output and standard error captured. */
    public static Result run(String... args) {
        PrintStream oldErr = System.err;
        PrintStream oldOut = System.out;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int status = St4jCli.run(args);
            return new Result(status, err.toString(StandardCharsets.UTF_8).strip(), out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(oldErr);
            System.setOut(oldOut);
        }
    }
}
