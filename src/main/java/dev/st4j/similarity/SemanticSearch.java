package dev.st4j.similarity;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.st4j.ops.Cosine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds, for each query embedding, the {@code topK} corpus embeddings with the highest cosine
 * similarity, working through the corpus in chunks so that memory stays bounded.
 */
public final class SemanticSearch {
    private static final int CORPUS_CHUNK = 50_000;

    private SemanticSearch() {}

    /** Hits per query, best first. */
    public static List<List<SearchHit>> search(float[][] queries, float[][] corpus, int topK) {
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
            NDArray qs = Cosine.l2Normalize(m.create(queries));
            for (int start = 0; start < corpus.length; start += CORPUS_CHUNK) {
                int end = Math.min(corpus.length, start + CORPUS_CHUNK);
                try (NDManager chunk = m.newSubManager()) {
                    float[][] part = java.util.Arrays.copyOfRange(corpus, start, end);
                    NDArray cs = Cosine.l2Normalize(chunk.create(part));
                    NDArray scores = qs.matMul(cs.transpose());
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
