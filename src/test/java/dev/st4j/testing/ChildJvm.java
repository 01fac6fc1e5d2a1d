package dev.st4j.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A JVM of its own on the test class path, with Spark's module openings, as a user's process would be. */
public final class ChildJvm {
    private ChildJvm() {}

    /** Starts {@code main args} with extra JVM options and environment; stdout and stderr go to {@code log}. */
    public static Process start(Path log, List<String> options, Map<String, String> environment, String main, String... args)
            throws IOException {
        return start(System.getProperty("java.class.path"), log, options, environment, main, args);
    }

    /** The same on another class path. */
    public static Process start(String classPath, Path log, List<String> options, Map<String, String> environment, String main,
            String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + Path.of("..", "bin", "spark-jvm.options").toAbsolutePath().normalize(), "-Xmx1g"));
        command.addAll(options);
        command.addAll(List.of("-cp", classPath, main));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** The last lines of a log, for assertion messages. */
    public static String tail(Path log) throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
