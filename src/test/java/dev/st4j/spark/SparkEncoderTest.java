package dev.st4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.st4j.eval.RetrievalData;
import dev.st4j.model.EncodeOptions;
import dev.st4j.model.SentenceTransformer;
import dev.st4j.testing.LocalSpark;
import dev.st4j.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Encoding on Spark ({@code local[*]}) equals encoding in one JVM: 300 SciFact abstracts in four partitions and
 * windows of 50, each embedding to 1e-5 of {@code SentenceTransformer.encode}, with the model loaded once per
 * task slot, not per partition or window.
 */
class SparkEncoderTest {
    private static final int DOCS = 300;
    private static SentenceTransformer model;
    private static Map<String, String> corpus;

    @BeforeAll
    static void load() throws IOException {
        model = SentenceTransformer.load(Shared.tinyModel("bert"));
        model.setMaxSeqLength(64);
        corpus = new java.util.LinkedHashMap<>();
        RetrievalData.readCorpus(Shared.data("scifact/corpus.csv")).entrySet().stream().limit(DOCS)
                .forEach(e -> corpus.put(e.getKey(), e.getValue()));
    }

    @AfterAll
    static void close() {
        model.close();
    }

    static EncodeSettings settings() {
        return new EncodeSettings(Shared.tinyModel("bert").toString(), 16, 64, null, false, null, null, 50);
    }

    @Test
    void embeddingsEqualOneJvmEncodeAndTheModelLoadsOncePerTaskSlot() {
        SparkSession spark = LocalSpark.session();
        List<Row> rows = new ArrayList<>();
        corpus.forEach((id, text) -> rows.add(org.apache.spark.sql.RowFactory.create(id, text)));
        Dataset<Row> documents = spark.createDataFrame(rows, new org.apache.spark.sql.types.StructType()
                .add("id", "string").add("text", "string")).repartition(4);
        ExecutorModels.closeIdle();
        int loadsBefore = ExecutorModels.loads();
        List<Row> encoded = new SparkEncoder(settings()).encode(documents).collectAsList();
        int slots = spark.sparkContext().defaultParallelism();
        assertTrue(ExecutorModels.loads() - loadsBefore <= slots, "models loaded: " + (ExecutorModels.loads() - loadsBefore) + ", task slots: " + slots);

        List<String> texts = new ArrayList<>(corpus.values());
        float[][] expected = model.encode(texts, EncodeOptions.DEFAULTS.withBatchSize(16));
        Map<String, Integer> position = new HashMap<>();
        new ArrayList<>(corpus.keySet()).forEach(id -> position.put(id, position.size()));
        assertEquals(DOCS, encoded.size());
        for (Row row : encoded) {
            int i = position.get(row.getString(0));
            assertEquals(texts.get(i), row.getString(1));
            assertArrayEquals(expected[i], EmbeddingsParquet.floats(row.getList(2)), 1e-5f, "document " + row.getString(0));
        }
    }

    @Test
    void corpusFilesReadAsTheCorpusReaderDoesAndWriteAsParquet(@TempDir Path dir) throws IOException {
        SparkSession spark = LocalSpark.session();
        Path csv = dir.resolve("corpus.csv");
        List<String> lines = Files.readAllLines(Shared.data("scifact/corpus.csv"));
        Files.write(csv, firstRecords(lines, 41));
        Dataset<Row> documents = SparkDocuments.read(spark, csv, null, "text", "title");
        Map<String, String> read = new HashMap<>();
        documents.collectAsList().forEach(r -> read.put(r.getString(0), r.getString(1)));
        Map<String, String> expected = RetrievalData.readCorpus(csv);
        assertEquals(expected, read);

        Path out = dir.resolve("emb");
        SparkEncoder encoder = new SparkEncoder(settings()).keepTexts(false);
        long written = EmbeddingsParquet.write(encoder.encode(documents), encoder.manifest(), out);
        assertEquals(expected.size(), written);
        Dataset<Row> back = spark.read().parquet(out.toString());
        assertEquals(List.of("id", "embedding"), List.of(back.columns()));
        assertEquals(expected.size(), back.count());
        try (var names = Files.list(dir)) {
            assertEquals(List.of("corpus.csv", "emb"), names.map(p -> p.getFileName().toString()).sorted().toList());
        }
        EmbeddingsManifest manifest = EmbeddingsManifest.read(out).orElseThrow();
        assertEquals(new EmbeddingsManifest(Shared.tinyModel("bert").toAbsolutePath().normalize().toString(), 32, false, null, null), manifest);
    }

    @Test
    void aTextFileIsNumberedByLineFromOne(@TempDir Path dir) throws IOException {
        Path txt = dir.resolve("lines.txt");
        Files.writeString(txt, "first line\nsecond, with a comma\nthird \"quoted\"\n");
        List<Row> rows = SparkDocuments.read(LocalSpark.session(), txt, null, "text", null).collectAsList();
        assertEquals(List.of("1", "2", "3"), rows.stream().map(r -> r.getString(0)).toList());
        assertEquals("third \"quoted\"", rows.get(2).getString(1));
    }

    /** The header and the first {@code n} records of a CSV whose records may span lines (quoted newlines). */
    static List<String> firstRecords(List<String> lines, int n) {
        List<String> out = new ArrayList<>();
        int records = -1;
        boolean open = false;
        for (String line : lines) {
            if (!open) {
                if (++records > n) {
                    break;
                }
            }
            out.add(line);
            if (line.chars().filter(c -> c == '"').count() % 2 == 1) {
                open = !open;
            }
        }
        return out;
    }
}
