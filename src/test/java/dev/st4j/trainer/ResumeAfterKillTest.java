package dev.st4j.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.st4j.cli.St4jCli;
import dev.st4j.params.SentenceTransformersParams;
import dev.st4j.testing.CliRun;
import dev.st4j.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL in a child JVM, at random moments, and resumed from its latest checkpoint each time, ends
 * with the same weights, evaluations and logged losses, bit for bit, as the run that was never interrupted; the
 * project lock keeps a second run out of a busy project and does not outlive a killed one.
 */
class ResumeAfterKillTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** pair_score on the tiny BERT: evaluation every 3 steps (early-stopping and best-checkpoint state), a checkpoint every step. */
    private List<String> flags(Path project) {
        return List.of("--trainer", "pair_score", "--model", Shared.tinyModel("bert").toString(), "--data-path",
                Shared.data("stsb").toString(), "--target-column", "score", "--valid-split", "validation", "--max-samples", "192",
                "--max-seq-length", "32", "--batch-size", "8", "--epochs", "2", "--lr", "1e-3", "--logging-steps", "3",
                "--eval-strategy", "steps", "--save-steps", "1", "--save-total-limit", "2", "--early-stopping-patience", "50",
                "--project-name", project.toString());
    }

    @Tag("slow")
    @Test
    void aRunKilledAtRandomMomentsAndResumedEndsBitForBitAsTheUninterruptedOne() throws Exception {
        Path whole = tmp.resolve("whole");
        assertEquals(0, St4jCli.run(args("train", flags(whole))));

        Path killed = tmp.resolve("killed");
        Random random = new Random(7);
        int kills = 0;
        for (int attempt = 0; attempt < 12 && kills < 3; attempt++) {
            List<String> resume = kills == 0 && !hasCheckpoint(killed) ? List.of() : List.of("--resume-from-checkpoint", "latest");
            Process child = startChild(args("train", flags(killed), resume));
            waitForCheckpointAfter(killed, child, latestStep(killed));
            Thread.sleep(random.nextInt(400));
            if (child.isAlive()) {
                new ProcessBuilder("kill", "-9", Long.toString(child.pid())).inheritIO().start().waitFor();
                child.waitFor();
                assertEquals(137, child.exitValue(), "killed by SIGKILL");
                kills++;
            } else {
                break; // it finished before the kill; the last resume below finds its final checkpoint
            }
        }
        assertTrue(kills >= 2, "the child was killed mid-run at least twice: " + kills);
        assertEquals(0, St4jCli.run(args("train", flags(killed), List.of("--resume-from-checkpoint", "latest"))));

        assertArrayEquals(Files.readAllBytes(whole.resolve("model.safetensors")), Files.readAllBytes(killed.resolve("model.safetensors")),
                "final weights");
        assertEquals(trainerState(whole), trainerState(killed), "evaluations and best checkpoint");
        assertEquals(logged(whole), logged(killed), "logged losses, learning rates, gradient norms and metrics");
        assertEquals(checkpointNames(whole), checkpointNames(killed), "the same checkpoints are kept");
    }

    @Tag("slow")
    @Test
    void aSecondRunIntoABusyProjectIsRefusedTheFirstIsUnharmedAndAKilledRunsLockIsStale() throws Exception {
        Path project = tmp.resolve("busy");
        Process first = startChild(args("train", flags(project)));
        waitForCheckpointAfter(project, first, 0);
        assertTrue(first.isAlive(), "the first run is still training");
        CliRun.Result second = CliRun.run(args("train", flags(project)));
        assertEquals(1, second.status(), second.stderr());
        assertEquals(1, second.stderr().lines().count(), second.stderr());
        assertTrue(second.stderr().contains("is in use by another training run (pid " + first.pid()), second.stderr());
        assertEquals(0, first.waitFor(), "the first run ends normally");
        assertTrue(Files.exists(project.resolve("model.safetensors")));
        assertTrue(Files.readString(project.resolve("training_log.jsonl")).contains("\"event\":\"end\""));

        Path killed = tmp.resolve("stale");
        Process victim = startChild(args("train", flags(killed)));
        waitForCheckpointAfter(killed, victim, 0);
        new ProcessBuilder("kill", "-9", Long.toString(victim.pid())).inheritIO().start().waitFor();
        victim.waitFor();
        assertTrue(Files.exists(killed.resolve(ProjectLock.FILE)), "the killed run's lock file is still there");
        assertEquals(0, St4jCli.run(args("train", flags(killed), List.of("--resume-from-checkpoint", "latest"))),
                "a dead process's lock does not block the resumed run");
    }

    @Test
    void theLockIsHeldOncePerProjectAndFreeAfterClose() throws Exception {
        Path project = tmp.resolve("locked");
        try (ProjectLock held = ProjectLock.acquire(project)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProjectLock.acquire(project));
            assertTrue(e.getMessage().startsWith("project_name: " + project + " is in use by another training run (pid "
                    + ProcessHandle.current().pid()), e.getMessage());
        }
        ProjectLock.acquire(project).close();
    }

    @Test
    void resumingRefusesAnotherRunsParametersAndAProjectWithoutCheckpoints() throws Exception {
        Path project = tmp.resolve("p");
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(params(project).resumeFromCheckpoint("latest").build(), List.of()).train());
        assertTrue(none.getMessage().startsWith("resume_from_checkpoint: ") && none.getMessage().contains("no complete checkpoint"),
                none.getMessage());
        new Trainer(params(project).saveSteps(2).build(), List.of()).train();
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(params(project).lr(5e-4).resumeFromCheckpoint("latest").build(), List.of()).train());
        assertTrue(other.getMessage().startsWith("resume_from_checkpoint: the run of ") && other.getMessage().contains("lr (0.001 -> 5.0E-4)"),
                other.getMessage());
        IllegalArgumentException notOne = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(params(project).resumeFromCheckpoint(project.toString()).build(), List.of()).train());
        assertTrue(notOne.getMessage().contains("is not a complete st4j checkpoint"), notOne.getMessage());
    }

    private SentenceTransformersParams.Builder params(Path project) {
        return SentenceTransformersParams.builder().model(Shared.tinyModel("bert").toString()).trainer("pair_score")
                .dataPath(Shared.data("stsb").toString()).targetColumn("score").maxSamples(32).maxSeqLength(32).batchSize(8)
                .epochs(1).lr(1e-3).evalStrategy("no").projectName(project.toString());
    }

    private static String[] args(String command, List<String> flags) {
        return args(command, flags, List.of());
    }

    private static String[] args(String command, List<String> flags, List<String> more) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(flags);
        all.addAll(more);
        return all.toArray(String[]::new);
    }

    private Process startChild(String[] args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), St4jCli.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(java.lang.ProcessBuilder.Redirect.appendTo(tmp.resolve("child.log").toFile())).start();
    }

    /** Waits until the child has written a checkpoint beyond {@code step} (or has ended). */
    private static void waitForCheckpointAfter(Path project, Process child, int step) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (child.isAlive() && latestStep(project) <= step && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private static boolean hasCheckpoint(Path project) throws IOException {
        return latestStep(project) > 0;
    }

    private static int latestStep(Path project) throws IOException {
        if (!Files.isDirectory(project)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(project)) {
            return s.filter(p -> p.getFileName().toString().matches("checkpoint-\\d+") && Files.exists(p.resolve("training_state.json")))
                    .mapToInt(p -> Integer.parseInt(p.getFileName().toString().substring("checkpoint-".length()))).max().orElse(0);
        }
    }

    private static JsonNode trainerState(Path project) throws IOException {
        Path best = project.resolve(latestCheckpoint(project)).resolve("trainer_state.json");
        return JSON.readTree(best.toFile());
    }

    private static String latestCheckpoint(Path project) throws IOException {
        return "checkpoint-" + latestStep(project);
    }

    private static List<String> checkpointNames(Path project) throws IOException {
        try (Stream<Path> s = Files.list(project)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("checkpoint-")).sorted().toList();
        }
    }

    /** Every logged line without its clock readings. */
    private static List<String> logged(Path project) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(project.resolve("training_log.jsonl"))) {
            com.fasterxml.jackson.databind.node.ObjectNode n = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(line);
            n.remove(List.of("seconds", "elapsedSeconds", "examples_per_second", "examplesPerSecond"));
            out.add(n.toString());
        }
        return out;
    }
}
