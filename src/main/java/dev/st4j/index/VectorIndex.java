package dev.st4j.index;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.st4j.model.EncodeOptions;
import dev.st4j.model.SentenceTransformer;
import dev.st4j.similarity.SimilarityFunction;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

/**
 * An open vector index: approximate nearest neighbours through Lucene's HNSW graph, and exact search over the
 * same vectors (the oracle, and the right tool for small corpora). Query vectors must come from the model in
 * its {@link IndexManifest}.
 */
public final class VectorIndex implements AutoCloseable {
    /** Graph candidates explored per search at least, whatever k is: more explores further and finds more of the true top k. */
    public static final int DEFAULT_CANDIDATES = 100;

    private final IndexManifest manifest;
    private final FSDirectory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final SimilarityFunction function;
    private NDManager vectorManager;
    private NDArray vectors;
    private int[] docIds;

    private VectorIndex(IndexManifest manifest, FSDirectory directory, DirectoryReader reader) {
        this.manifest = manifest;
        this.directory = directory;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.function = SimilarityFunction.parse(manifest.similarity());
    }

    /** Opens the index in {@code dir}. */
    public static VectorIndex open(Path dir) throws IOException {
        IndexManifest manifest = IndexManifest.read(dir);
        FSDirectory directory = FSDirectory.open(dir);
        try {
            return new VectorIndex(manifest, directory, DirectoryReader.open(directory));
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw new IOException(dir + ": the Lucene index cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** What the index says about itself. */
    public IndexManifest manifest() {
        return manifest;
    }

    /** The {@code k} nearest documents by the HNSW graph, exploring {@link #DEFAULT_CANDIDATES} candidates or k if larger. */
    public List<IndexHit> search(float[] query, int k) throws IOException {
        return search(query, k, Math.max(k, DEFAULT_CANDIDATES));
    }

    /** The {@code k} nearest documents by the HNSW graph, exploring {@code candidates} (≥ k) on the way. */
    public List<IndexHit> search(float[] query, int k, int candidates) throws IOException {
        checkQuery(query, k);
        if (candidates < k) {
            throw new IllegalArgumentException("candidates (" + candidates + ") must be at least k (" + k + ")");
        }
        TopDocs top = searcher.search(new KnnFloatVectorQuery(VectorIndexBuilder.VECTOR, query, candidates), candidates);
        List<IndexHit> hits = new ArrayList<>(k);
        StoredFields stored = searcher.storedFields();
        for (ScoreDoc sd : top.scoreDocs) {
            if (hits.size() == k) {
                break;
            }
            hits.add(hit(stored, sd.doc, LuceneSimilarity.modelScore(function, sd.score)));
        }
        return hits;
    }

    /** The {@code k} nearest documents to a text query, encoded by {@code model} (the manifest's) as a query. */
    public List<IndexHit> search(SentenceTransformer model, String query, int k) throws IOException {
        return search(model.encodeQuery(List.of(query), EncodeOptions.DEFAULTS)[0], k);
    }

    /** The {@code k} most similar documents by comparing the query with every vector (exact). */
    public List<IndexHit> exactSearch(float[] query, int k) throws IOException {
        checkQuery(query, k);
        loadVectors();
        List<IndexHit> hits = new ArrayList<>();
        if (docIds.length == 0) {
            return hits;
        }
        int top = Math.min(k, docIds.length);
        StoredFields stored = searcher.storedFields();
        try (NDManager scope = vectorManager.newSubManager()) {
            vectors.tempAttach(scope);
            NDArray scores = function.matrix(scope.create(new float[][] {query}), vectors);
            NDList best = scores.topK(top, 1, true, true);
            float[] values = best.get(0).toFloatArray();
            long[] rows = best.get(1).toLongArray();
            for (int i = 0; i < top; i++) {
                hits.add(hit(stored, docIds[(int) rows[i]], values[i]));
            }
        }
        return hits;
    }

    private IndexHit hit(StoredFields stored, int doc, float score) throws IOException {
        Document d = stored.document(doc);
        return new IndexHit(d.get(VectorIndexBuilder.ID), d.get(VectorIndexBuilder.TEXT), score);
    }

    private void checkQuery(float[] query, int k) {
        if (k <= 0) {
            throw new IllegalArgumentException("top-k must be positive, got " + k);
        }
        if (query.length != manifest.dimension()) {
            throw new IllegalArgumentException("the query vector has " + query.length + " dimensions; the index's model ("
                    + manifest.model() + ") makes " + manifest.dimension());
        }
    }

    /** Reads every vector of the index once into a native matrix owned by this index (exact search compares with all of them). */
    private void loadVectors() throws IOException {
        if (vectors != null) {
            return;
        }
        List<float[]> rows = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            FloatVectorValues values = leaf.reader().getFloatVectorValues(VectorIndexBuilder.VECTOR);
            if (values == null) {
                continue;
            }
            for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                rows.add(values.vectorValue().clone());
                ids.add(leaf.docBase + doc);
            }
        }
        vectorManager = NDManager.newBaseManager();
        vectors = rows.isEmpty() ? vectorManager.zeros(new Shape(0, manifest.dimension()))
                : vectorManager.create(rows.toArray(new float[0][]));
        docIds = ids.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public void close() throws IOException {
        try (FSDirectory d = directory) {
            reader.close();
        } finally {
            if (vectorManager != null) {
                vectorManager.close();
            }
        }
    }
}
