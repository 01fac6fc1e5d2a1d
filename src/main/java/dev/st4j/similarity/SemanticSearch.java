package dev.st4j.similarity;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds, for each query embedding, the {@code topK} corpus embeddings with the highest similarity
 * (cosine unless another function is given), working through the corpus in chunks so that memory
 * stays bounded.
 */
public final class SemanticSearch {
    private static final int CORPUS_CHUNK = 50_000;

    private SemanticSearch() {}

    /** Hits per query by cosine similarity, best first. */
    public static List<List<SearchHit>> search(float[][] queries, float[][] corpus, int topK) {
        return search(queries, corpus, topK, SimilarityFunction.COSINE);
    }

    /** Hits per query by {@code function} (a model's declared one, say), best first. */
    public static List<List<SearchHit>> search(float[][] queries, float[][] corpus, int topK, SimilarityFunction function) {
        if (topK <= 0) {
            throw new IllegalArgumentException("top-k must be positive, got " + topK);
        }
        List<List<SearchHit>> hits = new ArrayList<>();
        for (int q = 0; q < queries.length; q++) {
            hits.add(new ArrayList<>());
        }
        if (queries.length == 0 || corpus.length == 0) {
            return hits;
        }
        try (NDManager m = NDManager.newBaseManager()) {
            boolean pairwise = function == SimilarityFunction.EUCLIDEAN || function == SimilarityFunction.MANHATTAN;
            int chunkSize = pairwise ? Math.max(1, (int) Math.min(CORPUS_CHUNK, 50_000_000L / ((long) queries.length * queries[0].length)))
                    : CORPUS_CHUNK;
            NDArray qs = m.create(queries);
            for (int start = 0; start < corpus.length; start += chunkSize) {
                int end = Math.min(corpus.length, start + chunkSize);
                try (NDManager chunk = m.newSubManager()) {
                    float[][] part = java.util.Arrays.copyOfRange(corpus, start, end);
                    NDArray scores = function.matrix(qs, chunk.create(part));
                    int k = Math.min(topK, end - start);
                    NDList top = scores.topK(k, 1, true, true);
                    float[] values = top.get(0).toFloatArray();
                    long[] indices = top.get(1).toLongArray();
                    for (int q = 0; q < queries.length; q++) {
                        for (int j = 0; j < k; j++) {
                            hits.get(q).add(new SearchHit(start + (int) indices[q * k + j], values[q * k + j]));
                        }
                    }
                }
            }
        }
        Comparator<SearchHit> best = Comparator.comparingDouble(SearchHit::score).reversed()
                .thenComparingInt(SearchHit::corpusId);
        for (List<SearchHit> h : hits) {
            h.sort(best);
            if (h.size() > topK) {
                h.subList(topK, h.size()).clear();
            }
        }
        return hits;
    }
}
