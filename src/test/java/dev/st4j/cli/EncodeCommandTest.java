package dev.st4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.st4j.model.SentenceTransformer;
import dev.st4j.testing.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code st4j encode} writes one CSV row per input line, in order, and rejects bad flags in one line. */
class EncodeCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesOneRowPerLineInInputOrder() throws Exception {
        List<String> texts = List.of("the man was in the city.", "it is a good day!", "she said hello", "a");
        Path in = dir.resolve("texts.txt");
        Files.write(in, texts);
        Path out = dir.resolve("emb.csv");
        String model = Shared.tinyModel("bert").toString();
        assertEquals(0, St4jCli.run("encode", "--model", model, "--input", in.toString(), "--output", out.toString(),
                "--batch-size", "3", "--normalize"));
        List<String> rows = Files.readAllLines(out);
        assertEquals(texts.size(), rows.size());
        try (SentenceTransformer st = SentenceTransformer.load(Shared.tinyModel("bert"))) {
            for (int i = 0; i < texts.size(); i++) {
                float[] expected = st.encode(List.of(texts.get(i)),
                        dev.st4j.model.EncodeOptions.DEFAULTS.withNormalizeEmbeddings(true))[0];
                String[] cells = rows.get(i).split(",");
                assertEquals(32, cells.length);
                float[] actual = new float[cells.length];
                for (int j = 0; j < cells.length; j++) {
                    actual[j] = Float.parseFloat(cells[j]);
                }
                assertArrayEquals(expected, actual, 1e-5f, "row " + i);
            }
        }
    }

    @Test
    void maxSeqLengthFlagChangesTheEmbedding() throws Exception {
        Path in = dir.resolve("t.txt");
        Files.writeString(in, "the man was in the city and the cat sat on the mat\n");
        Path full = dir.resolve("full.csv");
        Path cut = dir.resolve("cut.csv");
        String model = Shared.tinyModel("bert").toString();
        assertEquals(0, St4jCli.run("encode", "--model", model, "--input", in.toString(), "--output", full.toString()));
        assertEquals(0, St4jCli.run("encode", "--model", model, "--input", in.toString(), "--output", cut.toString(),
                "--max-seq-length", "4"));
        assertTrue(!Files.readString(full).equals(Files.readString(cut)));
    }

    @Test
    void truncateDimKeepsTheLeadingDimensions() throws Exception {
        Path in = dir.resolve("t.txt");
        Files.writeString(in, "the man was in the city\nit is a good day!\n");
        Path full = dir.resolve("full.csv");
        Path cut = dir.resolve("cut.csv");
        String model = Shared.tinyModel("bert").toString();
        assertEquals(0, St4jCli.run("encode", "--model", model, "--input", in.toString(), "--output", full.toString()));
        assertEquals(0, St4jCli.run("encode", "--model", model, "--input", in.toString(), "--output", cut.toString(),
                "--truncate-dim", "8"));
        List<String> fullRows = Files.readAllLines(full);
        List<String> cutRows = Files.readAllLines(cut);
        for (int i = 0; i < 2; i++) {
            assertEquals(String.join(",", java.util.Arrays.copyOf(fullRows.get(i).split(","), 8)), cutRows.get(i));
        }
        CliErrors.assertOneLine("--truncate-dim: 64 is not between 1 and the model's dimension 32", "encode", "--model", model,
                "--input", in.toString(), "--output", dir.resolve("o.csv").toString(), "--truncate-dim", "64");
    }

    @Test
    void badInputGetsOneLineErrors() throws Exception {
        String model = Shared.tinyModel("bert").toString();
        CliErrors.assertOneLine("--input", "encode", "--model", model, "--input", dir.resolve("nope.txt").toString(),
                "--output", dir.resolve("o.csv").toString());
        Path in = dir.resolve("t.txt");
        Files.writeString(in, "x\n");
        CliErrors.assertOneLine("--batch-size", "encode", "--model", model, "--input", in.toString(), "--output",
                dir.resolve("o.csv").toString(), "--batch-size", "0");
        CliErrors.assertOneLine("no-such-model", "encode", "--model", dir.resolve("no-such-model").toString(), "--input",
                in.toString(), "--output", dir.resolve("o.csv").toString());
        assertTrue(!Files.exists(dir.resolve("o.csv")), "nothing written on failure");
    }
}
