package dev.st4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.st4j.data.TableReader;
import dev.st4j.index.IndexManifest;
import dev.st4j.spark.EmbeddingsParquet;
import dev.st4j.testing.CliRun;
import dev.st4j.testing.LocalSpark;
import dev.st4j.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * The Spark paths of the command line give what the one-JVM paths give: {@code encode --spark} the embeddings
 * of {@code encode} (to 1e-5), {@code index build --embeddings} the same search results as {@code index build
 * --corpus} (with the model that encoded them, another refused), {@code mine-hard-negatives --spark} the same negatives; and flags that need {@code --spark} say so.
 */
class SparkCommandsTest {
    private static final String MODEL = Shared.tinyModel("bert").toString();
    private static final String LINES = "A man is playing a guitar.\nThe stock market fell sharply today.\nA woman is slicing an onion.\n"
            + "Someone plays an acoustic guitar on stage.\nA child kicks a red ball in the park.\n";

    @Test
    void encodeOnSparkEqualsEncodeInOneJvm(@TempDir Path dir) throws IOException {
        Path input = Files.writeString(dir.resolve("texts.txt"), LINES);
        ok("encode", "--model", MODEL, "--input", input.toString(), "--output", dir.resolve("one.csv").toString(), "--normalize");
        CliRun.Result spark = ok("encode", "--spark", "--model", MODEL, "--input", input.toString(),
                "--output", dir.resolve("emb").toString(), "--normalize");
        assertTrue(spark.stderr().contains("Spark local[*]"), "the default master: " + spark.stderr());
        assertTrue(spark.stderr().contains("encode: wrote 5 embeddings"), spark.stderr());
        List<String> expected = Files.readAllLines(dir.resolve("one.csv"));
        Map<String, float[]> byId = new HashMap<>();
        for (Row row : LocalSpark.session().read().parquet(dir.resolve("emb").toString()).collectAsList()) {
            byId.put(row.getString(0), EmbeddingsParquet.floats(row.getList(2)));
        }
        assertEquals(5, byId.size());
        for (int i = 0; i < expected.size(); i++) {
            String[] cells = expected.get(i).split(",");
            float[] row = new float[cells.length];
            for (int j = 0; j < cells.length; j++) {
                row[j] = Float.parseFloat(cells[j]);
            }
            assertArrayEquals(row, byId.get(Integer.toString(i + 1)), 1e-5f, "line " + (i + 1));
        }
    }

    @Test
    void anIndexBuiltFromSparkEmbeddingsAnswersAsOneBuiltFromTheCorpus(@TempDir Path dir) throws IOException {
        Path corpus = dir.resolve("corpus.csv");
        StringBuilder csv = new StringBuilder("docid,title,text\n");
        List<String> lines = LINES.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            csv.append("d").append(i).append(",").append(i % 2 == 0 ? "Title " + i : "").append(",\"").append(lines.get(i)).append("\"\n");
        }
        Files.writeString(corpus, csv);
        ok("encode", "--spark", "--master", LocalSpark.MASTER, "--model", MODEL, "--input", corpus.toString(), "--output", dir.resolve("emb").toString());
        ok("index", "build", "--embeddings", dir.resolve("emb").toString(), "--index", dir.resolve("from-spark").toString());
        assertEquals(Shared.tinyModel("bert").toAbsolutePath().normalize().toString(),
                IndexManifest.read(dir.resolve("from-spark")).model(), "the model that encoded the embeddings");
        assertOneLine("were encoded by", "index", "build", "--model", Shared.tinyModel("distilbert").toString(), "--embeddings",
                dir.resolve("emb").toString(), "--index", dir.resolve("other").toString());
        ok("index", "build", "--model", MODEL, "--corpus", corpus.toString(), "--index", dir.resolve("from-corpus").toString());
        for (String query : List.of("guitar music", "markets", "onions")) {
            String fromSpark = ok("search", "--index", dir.resolve("from-spark").toString(), "--top-k", "5", "--exact", query).stdout();
            String fromCorpus = ok("search", "--index", dir.resolve("from-corpus").toString(), "--top-k", "5", "--exact", query).stdout();
            assertEquals(ranking(fromCorpus), ranking(fromSpark), query);
        }
    }

    @Test
    void miningOnSparkChoosesTheSameNegatives(@TempDir Path dir) throws IOException {
        String data = Shared.data("nli-triplets/validation.csv").toString();
        ok("mine-hard-negatives", "--model", MODEL, "--data-path", data, "--max-samples", "80", "--num-negatives", "2",
                "--output", dir.resolve("one.csv").toString());
        ok("mine-hard-negatives", "--spark", "--master", LocalSpark.MASTER, "--model", MODEL, "--data-path", data, "--max-samples", "80",
                "--num-negatives", "2", "--block-size", "16", "--output", dir.resolve("spark.csv").toString());
        Table one = TableReader.read(dir.resolve("one.csv"));
        Table spark = TableReader.read(dir.resolve("spark.csv"));
        assertEquals(160, one.rowCount());
        for (String column : List.of("anchor", "positive", "negative")) {
            assertEquals(one.stringColumn(column).asList(), spark.stringColumn(column).asList(), column);
        }
        for (int r = 0; r < one.rowCount(); r++) {
            assertEquals(Double.parseDouble(one.stringColumn("negative_score").get(r)),
                    Double.parseDouble(spark.stringColumn("negative_score").get(r)), 1e-5, "row " + (r + 1));
        }
    }

    @Test
    void sparkFlagsWithoutSparkAreOneLineErrors(@TempDir Path dir) throws IOException {
        Path input = Files.writeString(dir.resolve("texts.txt"), LINES);
        String out = dir.resolve("x.csv").toString();
        assertOneLine("--master applies only with --spark", "encode", "--model", MODEL, "--input", input.toString(), "--output", out,
                "--master", LocalSpark.MASTER);
        assertOneLine("--id-column applies only with --spark", "encode", "--model", MODEL, "--input", input.toString(), "--output", out,
                "--id-column", "id");
        assertOneLine("give one of --corpus", "index", "build", "--model", MODEL, "--index", dir.resolve("i").toString());
        assertOneLine("--text-column: ", "encode", "--spark", "--master", LocalSpark.MASTER, "--model", MODEL, "--input",
                Shared.data("nli-triplets/validation.csv").toString(), "--output", dir.resolve("e").toString());
    }

    private static void assertOneLine(String expected, String... args) {
        CliRun.Result r = CliRun.run(args);
        assertEquals(1, r.status(), r.stderr());
        List<String> lines = r.stderr().lines().filter(l -> !l.contains(" WARN ")).toList();
        assertEquals(1, lines.size(), r.stderr());
        assertTrue(lines.get(0).contains(expected), r.stderr());
    }

    private static List<String> ranking(String searchOutput) {
        return searchOutput.lines().map(l -> l.split("\t")[3]).toList();
    }

    private static CliRun.Result ok(String... args) {
        CliRun.Result r = CliRun.run(args);
        assertEquals(0, r.status(), r.stderr());
        return r;
    }
}
