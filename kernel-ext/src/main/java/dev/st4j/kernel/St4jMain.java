package dev.st4j.kernel;

import dev.st4j.cli.St4jCli;
import java.util.Map;

/** The full {@code st4j} command line: the core's subcommands plus {@code kernel}. */
public final class St4jMain {
    private St4jMain() {}

    /** Runs {@code st4j} and exits with its status. */
    public static void main(String[] args) {
        System.exit(St4jCli.run(Map.of("kernel", new KernelCommand()), args));
    }
}
