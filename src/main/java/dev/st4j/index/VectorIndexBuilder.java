package dev.st4j.index;

import dev.st4j.io.AtomicFiles;
import dev.st4j.model.EncodeOptions;
import dev.st4j.model.SentenceTransformer;
import dev.st4j.similarity.SimilarityFunction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
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
        SimilarityFunction function = SimilarityFunction.of(model);
        VectorSimilarityFunction lucene = LuceneSimilarity.of(function);
        if (model.dimension() > MAX_DIMENSION) {
            throw new IllegalArgumentException("the model's embeddings have " + model.dimension()
                    + " dimensions; a Lucene vector index holds at most " + MAX_DIMENSION);
        }
        Path target = dir.toAbsolutePath().normalize();
        if (Files.exists(target) && !IndexManifest.isIndex(target) && !isEmptyFolder(target)) {
            throw new IOException(dir + " exists and is not an st4j index; choose another --index folder");
        }
        Files.createDirectories(target.getParent());
        Path work = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".partial-");
        try {
            write(corpus, work, lucene);
            IndexManifest manifest = new IndexManifest(modelReference, function.id(), model.dimension(), corpus.size(), storeTexts);
            manifest.write(work);
            replace(work, target);
            return manifest;
        } finally {
            if (Files.exists(work)) {
                AtomicFiles.deleteTree(work);
            }
        }
    }

    /** Writes the Lucene index of the corpus's embeddings into {@code folder}: one merged segment. */
    private void write(Map<String, String> corpus, Path folder, VectorSimilarityFunction lucene) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE).setRAMBufferSizeMB(256);
        try (FSDirectory directory = FSDirectory.open(folder); IndexWriter writer = new IndexWriter(directory, config)) {
            Iterator<Map.Entry<String, String>> entries = corpus.entrySet().iterator();
            while (entries.hasNext()) {
                List<String> ids = new ArrayList<>(SLICE);
                List<String> texts = new ArrayList<>(SLICE);
                while (entries.hasNext() && ids.size() < SLICE) {
                    Map.Entry<String, String> e = entries.next();
                    ids.add(e.getKey());
                    texts.add(e.getValue());
                }
                float[][] embeddings = model.encodeDocument(texts, options);
                for (int i = 0; i < ids.size(); i++) {
                    Document doc = new Document();
                    doc.add(new StringField(ID, ids.get(i), Field.Store.YES));
                    if (storeTexts) {
                        doc.add(new StoredField(TEXT, texts.get(i)));
                    }
                    doc.add(new KnnFloatVectorField(VECTOR, embeddings[i], lucene));
                    writer.addDocument(doc);
                }
            }
            writer.forceMerge(1);
            writer.commit();
        }
    }

    private static void replace(Path built, Path target) throws IOException {
        if (Files.exists(target)) {
            Path old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
            Files.delete(old);
            Files.move(target, old);
            AtomicFiles.move(built, target);
            AtomicFiles.deleteTree(old);
        } else {
            AtomicFiles.move(built, target);
        }
    }

    private static boolean isEmptyFolder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
