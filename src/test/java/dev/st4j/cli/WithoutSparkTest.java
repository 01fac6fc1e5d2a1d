package dev.st4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.st4j.testing.ChildJvm;
import dev.st4j.testing.Shared;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark is a "provided" dependency: the kernel and applications without it must still run every command that
 * does not use it, and a command asked to use it says in one line what is missing. Checked in a JVM whose class
 * path is the tests' without Spark's jars.
 */
class WithoutSparkTest {
    @Test
    void commandsRunWithoutSparkAndSparkFlagsSayWhatIsMissing(@TempDir Path dir) throws Exception {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains(File.separator + "org" + File.separator + "apache" + File.separator + "spark" + File.separator))
                .collect(Collectors.joining(File.pathSeparator));
        assertTrue(classPath.length() < System.getProperty("java.class.path").length(), "Spark's jars were on the test class path");
        Path texts = Files.writeString(dir.resolve("texts.txt"), "one\ntwo\n");
        String model = Shared.tinyModel("bert").toString();

        assertEquals(0, run(classPath, dir, "encode", "--model", model, "--input", texts.toString(), "--output", dir.resolve("e.csv").toString()),
                ChildJvm.tail(dir.resolve("st4j.log")));
        assertEquals(2, Files.readAllLines(dir.resolve("e.csv")).size());

        for (List<String> args : List.of(
                List.of("encode", "--spark", "--model", model, "--input", texts.toString(), "--output", dir.resolve("p").toString()),
                List.of("index", "build", "--model", model, "--embeddings", dir.resolve("p").toString(), "--index", dir.resolve("i").toString()))) {
            assertEquals(1, run(classPath, dir, args.toArray(String[]::new)), ChildJvm.tail(dir.resolve("st4j.log")));
            List<String> lines = Files.readAllLines(dir.resolve("st4j.log"));
            assertEquals(1, lines.size(), String.join("\n", lines));
            assertTrue(lines.get(0).contains("Apache Spark is not on the class path; --spark and --embeddings need it"), lines.get(0));
        }
    }

    private static int run(String classPath, Path dir, String... args) throws Exception {
        return ChildJvm.start(classPath, dir.resolve("st4j.log"), List.of(), Map.of(), "dev.st4j.cli.St4jCli", args).waitFor();
    }
}
