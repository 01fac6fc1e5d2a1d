package dev.st4j.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.st4j.model.SentenceTransformer;
import dev.st4j.testing.CliRun;
import dev.st4j.testing.Shared;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training into a file system that fills up (a 1 MiB tmpfs the test mounts): one line that says the disk is full and
 * names the checkpoint that could not be written and the last complete one, which still loads.
 */
class DiskFullTest {
    @TempDir
    Path tmp;

    @Test
    void aFullDiskIsOneLineAndTheLastCompleteCheckpointLoads() throws Exception {
        Path small = Files.createDirectories(tmp.resolve("small"));
        mount(small);
        try {
            Path project = small.resolve("run");
            String[] args = {"train", "--model", Shared.tinyModel("bert").toString(), "--data-path", Shared.data("stsb").toString(),
                "--trainer", "pair_score", "--target-column", "score", "--max-samples", "64", "--batch-size", "8", "--epochs", "1",
                "--max-seq-length", "32", "--eval-strategy", "no", "--save-steps", "1", "--save-total-limit", "1",
                "--project-name", project.toString()};
            CliRun.Result run = CliRun.run(args);
            int status = run.status();
            List<String> lines = run.stderr().lines().toList();
            String line = lines.get(lines.size() - 1);
            assertEquals(1, status, line);
            assertTrue(lines.subList(0, lines.size() - 1).stream().allMatch(l -> l.startsWith("train: step") || l.startsWith("train: ")
                    && !l.contains("Exception")), "before it, only the run's progress: " + lines);
            assertTrue(line.contains("No space left on device") && line.contains("is the last complete checkpoint"), line);
            List<Path> complete;
            try (Stream<Path> s = Files.list(project)) {
                complete = s.filter(p -> Files.exists(p.resolve(TrainingState.FILE))).toList();
            }
            assertEquals(1, complete.size(), "one complete checkpoint: " + complete);
            assertTrue(line.contains(complete.get(0).getFileName().toString()), line);
            try (SentenceTransformer m = SentenceTransformer.load(complete.get(0))) {
                assertEquals(2, m.encode(List.of("a", "b")).length);
            }
            try (Stream<Path> s = Files.list(project)) {
                assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".partial")), "the partial checkpoint is removed");
            }
        } finally {
            new ProcessBuilder("umount", small.toString()).inheritIO().start().waitFor();
        }
    }

    /** A 1 MiB tmpfs: room for the tiny model's first checkpoint, not its second. */
    private static void mount(Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", dir.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "mounting a tmpfs needs root (as in CI's container): " + out);
    }
}
