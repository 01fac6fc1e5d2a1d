package dev.st4j.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.st4j.eval.RetrievalData;
import dev.st4j.model.EncodeOptions;
import dev.st4j.model.SentenceTransformer;
import dev.st4j.similarity.SearchHit;
import dev.st4j.similarity.SemanticSearch;
import dev.st4j.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Lucene HNSW index of 400 SciFact abstracts encoded by the tiny BERT: the graph finds the exact top 10 of
 * the queries, exact search over the index's vectors equals semantic search over freshly encoded embeddings,
 * and the folder is written whole or not at all.
 */
class VectorIndexTest {
    private static final int DOCS = 400;
    private static SentenceTransformer model;
    private static Map<String, String> corpus;
    private static List<String> queries;

    @TempDir
    static Path shared;

    @BeforeAll
    static void load() throws IOException {
        model = SentenceTransformer.load(Shared.tinyModel("bert"));
        model.setMaxSeqLength(64);
        corpus = new LinkedHashMap<>();
        RetrievalData.readCorpus(Shared.data("scifact/corpus.csv")).entrySet().stream().limit(DOCS)
                .forEach(e -> corpus.put(e.getKey(), e.getValue()));
        queries = RetrievalData.readBeir(Shared.data("scifact/corpus.csv"), Shared.data("scifact/queries.csv"),
                Shared.data("scifact/qrels.csv")).queries().values().stream().limit(30).toList();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void theGraphFindsTheExactTopTenAndExactSearchEqualsSemanticSearch(@TempDir Path dir) throws IOException {
        Path folder = dir.resolve("idx");
        IndexManifest m = new VectorIndexBuilder(model, "tiny-bert", EncodeOptions.DEFAULTS).build(corpus, folder);
        assertEquals(DOCS, m.documents());
        assertEquals(model.dimension(), m.dimension());
        assertEquals("cosine", m.similarity());
        List<String> ids = new ArrayList<>(corpus.keySet());
        float[][] documents = model.encodeDocument(new ArrayList<>(corpus.values()), EncodeOptions.DEFAULTS);
        float[][] q = model.encodeQuery(queries, EncodeOptions.DEFAULTS);
        int found = 0;
        try (VectorIndex index = VectorIndex.open(folder)) {
            for (int i = 0; i < q.length; i++) {
                List<SearchHit> oracle = SemanticSearch.search(new float[][] {q[i]}, documents, 10).get(0);
                List<IndexHit> exact = index.exactSearch(q[i], 10);
                List<IndexHit> graph = index.search(q[i], 10);
                assertEquals(10, graph.size());
                for (int r = 0; r < 10; r++) {
                    assertEquals(ids.get(oracle.get(r).corpusId()), exact.get(r).id(), "query " + i + " rank " + r);
                    assertEquals(oracle.get(r).score(), exact.get(r).score(), 1e-5);
                    assertEquals(corpus.get(exact.get(r).id()), exact.get(r).text());
                }
                List<String> truth = exact.stream().map(IndexHit::id).toList();
                for (IndexHit h : graph) {
                    if (truth.contains(h.id())) {
                        found++;
                        float s = exact.get(truth.indexOf(h.id())).score();
                        assertEquals(s, h.score(), 1e-5, "the graph's score of " + h.id() + " is the model's cosine");
                    }
                }
            }
        }
        assertTrue(found >= 0.99 * 10 * q.length, "recall@10 of the graph against exact search: " + found / (10.0 * q.length));
    }

    @Test
    void rebuildingReplacesTheIndexAndAFolderThatIsNotAnIndexIsRefused(@TempDir Path dir) throws IOException {
        Path folder = dir.resolve("idx");
        Map<String, String> few = new LinkedHashMap<>();
        corpus.entrySet().stream().limit(20).forEach(e -> few.put(e.getKey(), e.getValue()));
        new VectorIndexBuilder(model, "tiny-bert", EncodeOptions.DEFAULTS).build(corpus, folder);
        new VectorIndexBuilder(model, "tiny-bert", EncodeOptions.DEFAULTS).storeTexts(false).build(few, folder);
        try (VectorIndex index = VectorIndex.open(folder)) {
            assertEquals(20, index.manifest().documents());
            List<IndexHit> hits = index.search(model.encode(few.values().iterator().next()), 30);
            assertEquals(20, hits.size(), "only the rebuilt index's documents remain");
            assertEquals(null, hits.get(0).text());
        }
        Path notIndex = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(notIndex.resolve("keep.txt"), "mine");
        IOException e = assertThrows(IOException.class,
                () -> new VectorIndexBuilder(model, "tiny-bert", EncodeOptions.DEFAULTS).build(few, notIndex));
        assertTrue(e.getMessage().contains("is not an st4j index"), e.getMessage());
        assertEquals(List.of("keep.txt"), Files.list(notIndex).map(p -> p.getFileName().toString()).toList());
        try (var left = Files.list(dir)) {
            assertEquals(List.of("idx", "notes"), left.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary folder is left");
        }
    }

    @Test
    void queriesOfTheWrongDimensionAndFoldersWithoutAManifestFailInOneLine(@TempDir Path dir) throws IOException {
        IOException notIndex = assertThrows(IOException.class, () -> VectorIndex.open(dir));
        assertTrue(notIndex.getMessage().contains("is not an st4j index"));
        Path folder = dir.resolve("idx");
        Map<String, String> few = new LinkedHashMap<>();
        corpus.entrySet().stream().limit(5).forEach(e -> few.put(e.getKey(), e.getValue()));
        new VectorIndexBuilder(model, "tiny-bert", EncodeOptions.DEFAULTS).build(few, folder);
        try (VectorIndex index = VectorIndex.open(folder)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> index.search(new float[3], 5));
            assertTrue(e.getMessage().contains("3 dimensions"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
    }
}
