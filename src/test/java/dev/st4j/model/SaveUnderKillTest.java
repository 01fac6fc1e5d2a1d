package dev.st4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import dev.st4j.testing.Shared;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
 * A child JVM saving a model over and over into one folder is killed with SIGKILL at random moments, many times: after
 * each kill the folder loads, and its weights are exactly one of the two versions being saved, never a mix within a
 * file; the next save clears what the killed one left half-written.
 */
class SaveUnderKillTest {
    private static final int KILLS = 15;

    @TempDir
    Path tmp;

    @Tag("slow")
    @Test
    void aModelFolderKilledMidSaveStaysLoadable() throws Exception {
        Path target = tmp.resolve("model");
        float[] original;
        String name;
        try (SentenceTransformer m = SentenceTransformer.load(Shared.tinyModel("bert"))) {
            var first = m.parameters().entrySet().iterator().next();
            name = first.getKey();
            original = first.getValue().toFloatArray();
        }
        float[] negated = original.clone();
        for (int i = 0; i < negated.length; i++) {
            negated[i] = -negated[i];
        }
        Random random = new Random(11);
        int midSave = 0;
        for (int k = 0; k < KILLS; k++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), SaveLoop.class.getName(), Shared.tinyModel("bert").toString(),
                    target.toString()).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertTrue(line != null && line.startsWith("saved"), "the child saved once: " + line);
            Thread.sleep(random.nextInt(150));
            new ProcessBuilder("kill", "-9", Long.toString(child.pid())).start().waitFor();
            child.waitFor();
            assertEquals(137, child.exitValue());
            if (leftovers(tmp).size() > 0) {
                midSave++;
            }
            try (SentenceTransformer loaded = SentenceTransformer.load(target)) {
                NDArray w = loaded.parameters().get(name);
                float[] now = w.toFloatArray();
                assertTrue(java.util.Arrays.equals(now, original) || java.util.Arrays.equals(now, negated),
                        "after kill " + k + " the weights are one saved version");
                assertEquals(2, loaded.encode(List.of("a cat", "a dog")).length);
            }
        }
        assertTrue(midSave > 0, "at least one kill landed inside a save (a temporary folder was left)");
        try (SentenceTransformer m = SentenceTransformer.load(target)) {
            m.save(target);
        }
        assertEquals(List.of(), leftovers(tmp), "a save clears what killed saves left");
    }

    /** Temporary folders saves leave beside their target. */
    private static List<String> leftovers(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return new ArrayList<>(s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList());
        }
    }
}
