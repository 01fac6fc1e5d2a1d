package dev.st4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.st4j.testing.CliRun;
import java.util.Arrays;

/** Runs {@code st4j} with arguments that must fail, and checks the failure is one line that says what was wrong. */
final class CliErrors {
    private CliErrors() {}

    static void assertOneLine(String expected, String... args) {
        CliRun.Result r = CliRun.run(args);
        int status = r.status();
        String text = r.stderr();
        assertEquals(1, status, text);
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.contains(expected), "expected '" + expected + "' in: " + text + " for " + Arrays.toString(args));
    }
}
