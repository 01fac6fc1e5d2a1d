package dev.st4j.index;

import dev.st4j.io.AtomicFiles;
import dev.st4j.model.EncodeOptions;
import dev.st4j.model.SentenceTransformer;
import dev.st4j.model.WindowedEncoding;
import dev.st4j.similarity.SimilarityFunction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.store.FSDirectory;

/**
 * Builds a Lucene HNSW vector index of a corpus: encodes the documents with a model, a slice at a time, and
 * writes id, optional text and embedding per document. The folder appears whole or not at all: it is built
 * under a temporary name beside the target and renamed when complete.
 */
public final class VectorIndexBuilder {
    /** Lucene's limit on a vector's dimension in its default codec. */
    public static final int MAX_DIMENSION = 1024;

    static final String ID = "id";
    static final String TEXT = "text";
    static final String VECTOR = "embedding";

    private static final int SLICE = 4096;

    private final SentenceTransformer model;
    private final String modelReference;
    private final EncodeOptions options;
    private boolean storeTexts = true;

    /** A builder encoding with {@code model}, recorded in the manifest as {@code modelReference} (a folder or Hub id). */
    public VectorIndexBuilder(SentenceTransformer model, String modelReference, EncodeOptions options) {
        this.model = model;
        this.modelReference = modelReference;
        this.options = options;
    }

    /** Whether the index keeps each document's text (default true), so that hits show it. */
    public VectorIndexBuilder storeTexts(boolean store) {
        this.storeTexts = store;
        return this;
    }

    /** Encodes {@code corpus} (id → text, in order) and writes the index to {@code dir}, replacing an index there. */
    public IndexManifest build(Map<String, String> corpus, Path dir) throws IOException {
        return build(new WindowedEncoding<>(corpus.entrySet().iterator(), SLICE, Map.Entry::getValue,
                texts -> model.encodeDocument(texts, options), (entry, embedding) -> new IndexDocument(entry.getKey(), entry.getValue(),
                embedding)), dir);
    }

    /**
     * Writes the index of documents encoded elsewhere (e.g. on Spark) by this builder's model to {@code dir},
     * replacing an index there; each embedding must have the model's dimension.
     */
    public IndexManifest build(Iterator<IndexDocument> documents, Path dir) throws IOException {
        SimilarityFunction function = SimilarityFunction.of(model);
        VectorSimilarityFunction lucene = LuceneSimilarity.of(function);
        int dimension = model.truncateDim() != null ? model.truncateDim() : model.dimension();
        if (dimension > MAX_DIMENSION) {
            throw new IllegalArgumentException("the model's embeddings have " + dimension
                    + " dimensions; a Lucene vector index holds at most " + MAX_DIMENSION);
        }
        Path target = dir.toAbsolutePath().normalize();
        if (Files.exists(target) && !IndexManifest.isIndex(target) && !AtomicFiles.isEmptyFolder(target)) {
            throw new IOException(dir + " exists and is not an st4j index; choose another --index folder");
        }
        Path work = AtomicFiles.stagingFolder(target);
        try {
            Written written = write(documents, work, lucene, dimension);
            IndexManifest manifest = new IndexManifest(modelReference, function.id(), dimension, written.documents(), written.texts());
            manifest.write(work);
            AtomicFiles.replaceFolder(work, target);
            return manifest;
        } finally {
            if (Files.exists(work)) {
                AtomicFiles.deleteTree(work);
            }
        }
    }

    /** What was written: how many documents, and whether every one kept its text. */
    private record Written(int documents, boolean texts) {}

    /** Writes the documents' embeddings as a Lucene index into {@code folder}: one merged segment. */
    private Written write(Iterator<IndexDocument> documents, Path folder, VectorSimilarityFunction lucene, int dimension) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE).setRAMBufferSizeMB(256);
        int count = 0;
        boolean texts = storeTexts;
        try (FSDirectory directory = FSDirectory.open(folder); IndexWriter writer = new IndexWriter(directory, config)) {
            while (documents.hasNext()) {
                IndexDocument d = documents.next();
                if (d.embedding().length != dimension) {
                    throw new IllegalArgumentException("document '" + d.id() + "' has an embedding of " + d.embedding().length
                            + " dimensions; the model's have " + dimension);
                }
                Document doc = new Document();
                doc.add(new StringField(ID, d.id(), Field.Store.YES));
                if (storeTexts && d.text() != null) {
                    doc.add(new StoredField(TEXT, d.text()));
                } else {
                    texts = false;
                }
                doc.add(new KnnFloatVectorField(VECTOR, d.embedding(), lucene));
                writer.addDocument(doc);
                count++;
            }
            writer.forceMerge(1);
            writer.commit();
        }
        return new Written(count, texts);
    }
}
