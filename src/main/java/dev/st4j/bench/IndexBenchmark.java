package dev.st4j.bench;

import dev.st4j.index.IndexHit;
import dev.st4j.index.VectorIndex;
import dev.st4j.index.VectorIndexBuilder;
import dev.st4j.io.AtomicFiles;
import dev.st4j.model.EncodeOptions;
import dev.st4j.model.SentenceTransformer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Builds a vector index of a corpus and measures it: build time, size on disk, recall@k of the HNSW graph
 * against exact search over the same vectors, and per-query search latency of both (query encoding apart).
 */
public final class IndexBenchmark {
    private IndexBenchmark() {}

    /** One measurement; latencies in milliseconds. */
    public record Result(String name, int documents, int queries, int k, double buildSeconds, long indexBytes, double recallAtK,
            double graphP50Ms, double graphP99Ms, double exactP50Ms, double exactP99Ms, double queryEncodeP50Ms) {}

    /** Indexes {@code corpus} with {@code model} in a temporary folder and searches it with every query. */
    public static Result run(String name, SentenceTransformer model, Map<String, String> corpus, List<String> queries, int k)
            throws IOException {
        Path dir = Files.createTempDirectory("st4j-index-bench-");
        try {
            Path folder = dir.resolve("index");
            long start = System.nanoTime();
            new VectorIndexBuilder(model, "bench", EncodeOptions.DEFAULTS.withBatchSize(32)).build(corpus, folder);
            double buildSeconds = (System.nanoTime() - start) / 1e9;
            long bytes;
            try (var files = Files.walk(folder)) {
                bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            }
            double[] encodeMs = new double[queries.size()];
            float[][] vectors = new float[queries.size()][];
            for (int i = 0; i < queries.size(); i++) {
                long t = System.nanoTime();
                vectors[i] = model.encodeQuery(List.of(queries.get(i)), EncodeOptions.DEFAULTS)[0];
                encodeMs[i] = (System.nanoTime() - t) / 1e6;
            }
            try (VectorIndex index = VectorIndex.open(folder)) {
                for (float[] v : vectors) {
                    index.search(v, k);
                    index.exactSearch(v, k);
                }
                double[] graphMs = new double[vectors.length];
                double[] exactMs = new double[vectors.length];
                int found = 0;
                for (int i = 0; i < vectors.length; i++) {
                    long t = System.nanoTime();
                    List<IndexHit> graph = index.search(vectors[i], k);
                    graphMs[i] = (System.nanoTime() - t) / 1e6;
                    t = System.nanoTime();
                    List<IndexHit> exact = index.exactSearch(vectors[i], k);
                    exactMs[i] = (System.nanoTime() - t) / 1e6;
                    Set<String> truth = new HashSet<>(exact.stream().map(IndexHit::id).toList());
                    found += (int) graph.stream().filter(h -> truth.contains(h.id())).count();
                }
                Percentile p = new Percentile();
                return new Result(name, corpus.size(), queries.size(), k, buildSeconds, bytes, found / (double) (k * vectors.length),
                        p.evaluate(graphMs, 50), p.evaluate(graphMs, 99), p.evaluate(exactMs, 50), p.evaluate(exactMs, 99),
                        p.evaluate(encodeMs, 50));
            }
        } finally {
            AtomicFiles.deleteTree(dir);
        }
    }
}
