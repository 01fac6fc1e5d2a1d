package dev.st4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.st4j.testing.ChildJvm;
import dev.st4j.testing.LocalSpark;
import dev.st4j.testing.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code st4j encode --spark} killed (SIGKILL) at random moments while it replaces an earlier output: the output
 * folder is always one whole output, the earlier one or the new one, never a mixture or a half-written folder;
 * the next run removes the killed runs' temporary folders.
 */
@Tag("slow")
class EncodeUnderKillTest {
    @Test
    void aKilledEncodeLeavesTheEarlierOutputOrTheNewOneWhole(@TempDir Path dir) throws Exception {
        Path small = Files.writeString(dir.resolve("small.txt"), "one\ntwo\nthree\n");
        Path corpus = Shared.data("scifact/corpus.csv");
        Path out = dir.resolve("emb");
        assertEquals(0, encode(dir, small, out).waitFor(), ChildJvm.tail(dir.resolve("encode.log")));
        assertEquals(3, rows(out));
        Random random = new Random(11);
        int killed = 0;
        for (int round = 0; round < 4; round++) {
            Process child = encode(dir, corpus, out);
            boolean ended = child.waitFor(2000 + random.nextInt(8000), TimeUnit.MILLISECONDS);
            if (!ended) {
                child.destroyForcibly().waitFor();
                killed++;
            }
            long rows = rows(out);
            assertTrue(rows == 3 || rows == 5183, "round " + round + ": the earlier output or the new one, whole: " + rows + " rows; "
                    + ChildJvm.tail(dir.resolve("encode.log")));
        }
        assertTrue(killed >= 2, "killed mid-run at least twice: " + killed);
        assertEquals(0, encode(dir, corpus, out).waitFor(), ChildJvm.tail(dir.resolve("encode.log")));
        assertEquals(5183, rows(out));
        try (var left = Files.list(dir)) {
            assertEquals(List.of("emb", "encode.log", "small.txt"), left.map(p -> p.getFileName().toString()).sorted().toList(),
                    "the last run removed what the killed ones left");
        }
    }

    private static Process encode(Path dir, Path input, Path out) throws Exception {
        return ChildJvm.start(dir.resolve("encode.log"), List.of(), Map.of("SPARK_LOCAL_IP", "127.0.0.1"), "dev.st4j.cli.St4jCli",
                "encode", "--spark", "--model", Shared.tinyModel("bert").toString(), "--input", input.toString(), "--output", out.toString(),
                "--max-seq-length", "64");
    }

    private static long rows(Path out) {
        assertTrue(Files.isRegularFile(out.resolve("_SUCCESS")), out + " is a complete Spark output");
        return LocalSpark.session().read().parquet(out.toString()).count();
    }
}
