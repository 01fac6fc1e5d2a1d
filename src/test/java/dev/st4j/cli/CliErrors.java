package dev.st4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Runs {@code st4j} with arguments that must fail, and checks the failure is one line that says what was wrong. */
final class CliErrors {
    private CliErrors() {}

    static void assertOneLine(String expected, String... args) {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = St4jCli.run(args);
        } finally {
            System.setErr(old);
        }
        String text = err.toString(StandardCharsets.UTF_8).strip();
        assertEquals(1, status, text);
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.contains(expected), "expected '" + expected + "' in: " + text + " for " + Arrays.toString(args));
    }
}
