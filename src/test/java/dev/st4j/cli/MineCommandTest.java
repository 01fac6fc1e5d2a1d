package dev.st4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.st4j.data.TableReader;
import dev.st4j.testing.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** {@code st4j mine-hard-negatives} writes triplets that the triplet trainer takes as they are. */
class MineCommandTest {
    @TempDir
    Path dir;

    @Test
    void minedTripletsTrainTheTripletTrainer() throws Exception {
        Path pairs = dir.resolve("pairs.csv");
        Files.writeString(pairs, "sentence1,sentence2\n" + String.join("\n",
                "a man plays a guitar,someone plays an instrument", "a woman slices an onion,someone cuts a vegetable",
                "the market fell,stocks dropped sharply", "a dog runs in the park,a puppy is running outside",
                "children play football,kids are playing soccer", "a plane takes off,an aircraft leaves the runway") + "\n");
        Path corpus = dir.resolve("corpus.csv");
        Files.writeString(corpus, "docid,text\n1,a man plays a violin\n2,a chef chops garlic\n3,the economy grew\n4,a dog swims in a lake\n");
        Path out = dir.resolve("mined/train.csv");
        String model = Shared.tinyModel("bert").toString();
        assertEquals(0, St4jCli.run("mine-hard-negatives", "--model", model, "--data-path", pairs.toString(), "--corpus", corpus.toString(),
                "--num-negatives", "2", "--output", out.toString()));
        Table mined = TableReader.read(out);
        assertEquals(12, mined.rowCount());
        assertEquals("anchor", mined.columnNames().get(0));
        for (int r = 0; r < mined.rowCount(); r++) {
            assertFalse(mined.getString(r, "negative").equals(mined.getString(r, "positive")));
        }
        assertEquals(0, St4jCli.run("train", "--trainer", "triplet", "--model", model, "--data-path", dir.resolve("mined").toString(),
                "--sentence1-column", "anchor", "--sentence2-column", "positive", "--sentence3-column", "negative", "--epochs", "1",
                "--batch-size", "4", "--max-seq-length", "16", "--project-name", dir.resolve("run").toString()));
        assertTrue(Files.exists(dir.resolve("run/model.safetensors")));
        CliErrors.assertOneLine("--anchor-column: ", "mine-hard-negatives", "--model", model, "--data-path", pairs.toString(),
                "--anchor-column", "nope", "--output", dir.resolve("x.csv").toString());
        CliErrors.assertOneLine("--top-k must be at least --num-negatives", "mine-hard-negatives", "--model", model, "--data-path",
                pairs.toString(), "--num-negatives", "5", "--top-k", "2", "--output", dir.resolve("x.csv").toString());
        assertFalse(Files.exists(dir.resolve("x.csv")));
        Path few = dir.resolve("few.csv");
        assertEquals(0, St4jCli.run("mine-hard-negatives", "--model", model, "--data-path", pairs.toString(), "--corpus", corpus.toString(),
                "--max-samples", "2", "--max-corpus", "1", "--num-negatives", "1", "--top-k", "3", "--output", few.toString()));
        Table cut = TableReader.read(few);
        assertEquals(2, cut.rowCount(), "the first two pairs");
        java.util.Set<String> allowed = new java.util.HashSet<>(java.util.List.of("a man plays a violin", "someone plays an instrument",
                "someone cuts a vegetable", "stocks dropped sharply", "a puppy is running outside", "kids are playing soccer",
                "an aircraft leaves the runway"));
        for (int r = 0; r < cut.rowCount(); r++) {
            assertTrue(allowed.contains(cut.getString(r, "negative")), "only the first corpus document or a positive: " + cut.getString(r, "negative"));
        }
        CliErrors.assertOneLine("--max-samples: must be >= 1", "mine-hard-negatives", "--model", model, "--data-path", pairs.toString(),
                "--max-samples", "0", "--output", dir.resolve("x.csv").toString());
    }
}
