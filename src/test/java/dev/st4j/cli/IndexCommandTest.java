package dev.st4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.st4j.index.IndexManifest;
import dev.st4j.testing.CliRun;
import dev.st4j.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code st4j index build} then {@code st4j search}, graph and exact, through the real command line. */
class IndexCommandTest {
    @Test
    void buildsAnIndexAndSearchesItFromTheCommandLine(@TempDir Path dir) throws IOException {
        Path corpus = dir.resolve("corpus.csv");
        Files.writeString(corpus, "docid,text\nd1,A man is playing a guitar.\nd2,The stock market fell sharply today.\n"
                + "d3,A woman is slicing an onion.\nd4,Someone plays an acoustic guitar on stage.\n");
        Path index = dir.resolve("idx");
        CliRun.Result built = CliRun.run("index", "build", "--model", Shared.tinyModel("bert").toString(), "--corpus", corpus.toString(),
                "--index", index.toString(), "--max-seq-length", "32");
        assertEquals(0, built.status(), built.stderr());
        assertTrue(built.stderr().contains("index: 4 documents"), built.stderr());
        assertEquals(4, IndexManifest.read(index).documents());
        List<String> graph = stdout("search", "--index", index.toString(), "--top-k", "4", "A man is playing a guitar.");
        List<String> exact = stdout("search", "--index", index.toString(), "--top-k", "4", "--exact", "A man is playing a guitar.");
        assertEquals(4, graph.size());
        assertEquals(exact, graph, "on four documents the graph's answer is the exact one");
        String[] first = graph.get(0).split("\t");
        assertEquals(List.of("A man is playing a guitar.", "1"), List.of(first[0], first[1]));
        assertEquals("d1", first[3], "the identical document ranks first");
        assertEquals(1.0, Double.parseDouble(first[2]), 1e-4);
    }

    @Test
    void searchingAFolderThatIsNotAnIndexIsOneLine(@TempDir Path dir) {
        CliRun.Result r = CliRun.run("search", "--index", dir.toString(), "query");
        assertEquals(1, r.status());
        assertEquals(1, r.stderr().lines().count(), r.stderr());
        assertTrue(r.stderr().contains("is not an st4j index"), r.stderr());
    }

    private static List<String> stdout(String... args) {
        CliRun.Result run = CliRun.run(args);
        assertEquals(0, run.status(), run.stderr());
        return run.stdout().lines().toList();
    }
}
