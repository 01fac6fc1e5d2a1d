package dev.st4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.st4j.testing.RecordingServer;
import dev.st4j.testing.RecordingServer.Response;
import dev.st4j.testing.Shared;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole {@code st4j train --push-to-hub} run with a Hub token, in a child JVM, against a loopback Hub that echoes
 * the token back in its error: the token is sent (as a header, to that host only) and appears nowhere else: not on
 * stdout or stderr, not in the error, not in any file of the project or its checkpoints, not in TensorBoard's events.
 */
class TokenSecrecyTest {
    private static final String TOKEN = "hf_CanaryToken0123456789abcdefXYZ";

    @TempDir
    Path tmp;

    @Test
    void theTokenAppearsInNoOutputOfARunEvenWhenTheHubEchoesIt() throws Exception {
        try (RecordingServer hub = new RecordingServer(r -> new Response(401,
                "{\"error\": \"Invalid credentials in Authorization header: " + r.header("Authorization") + "\"}"))) {
            Path project = tmp.resolve("run");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), St4jCli.class.getName(), "train", "--model", Shared.tinyModel("bert").toString(),
                    "--data-path", Shared.data("stsb").toString(), "--trainer", "pair_score", "--target-column", "score",
                    "--valid-split", "validation", "--max-samples", "16", "--batch-size", "8", "--epochs", "1", "--max-seq-length", "32",
                    "--logging-steps", "1", "--eval-strategy", "steps", "--log", "tensorboard", "--push-to-hub", "--username", "someone",
                    "--token", TOKEN, "--project-name", project.toString()));
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.environment().put("HF_ENDPOINT", hub.url());
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = p.waitFor();

            assertTrue(hub.requests().stream().anyMatch(r -> ("Bearer " + TOKEN).equals(r.header("Authorization"))),
                    "the token went to the Hub as a header");
            assertEquals(1, status, err);
            String last = err.strip().lines().reduce((a, b) -> b).orElse("");
            assertTrue(last.contains("401"), "the failed upload is reported: " + last);
            assertFalse(out.contains(TOKEN), "stdout");
            assertFalse(err.contains(TOKEN), "stderr: " + err);
            assertFalse(err.contains(TOKEN.substring(3, 20)), "no part of the token either");
            List<Path> files = files(project);
            assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().startsWith("events.out.tfevents")), "TensorBoard wrote");
            assertTrue(files.size() > 10, "the run wrote its project: " + files.size());
            for (Path f : files) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertFalse(text.contains(TOKEN), f + " holds the token");
            }
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }
}
