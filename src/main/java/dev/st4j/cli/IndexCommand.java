package dev.st4j.cli;

import dev.st4j.eval.RetrievalData;
import dev.st4j.index.IndexManifest;
import dev.st4j.index.VectorIndexBuilder;
import dev.st4j.model.EncodeOptions;
import dev.st4j.model.SentenceTransformer;
import dev.st4j.resolve.ModelResolver;
import dev.st4j.spark.EmbeddingsManifest;
import dev.st4j.spark.SparkAvailability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code st4j index}: vector indexes of corpora, searched with {@code st4j search}. */
@Command(name = "index", mixinStandardHelpOptions = true, subcommands = IndexCommand.Build.class,
        description = "Build a Lucene HNSW vector index of a corpus (then: st4j search --index DIR \"query\").")
final class IndexCommand implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** {@code st4j index build}. */
    @Command(name = "build", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Encode a corpus (CSV/JSONL with docid and text columns, as BEIR's corpus) and write its vector index;",
                "or index the Parquet folder st4j encode --spark wrote (--embeddings; the model is the one that encoded it)."})
    static final class Build implements Callable<Integer> {
        @Option(names = "--model", description = "Model folder or Hub id; queries will be encoded by the same model "
                + "(with --embeddings: the one that encoded them, by default).")
        String model;

        @Option(names = "--corpus", description = "Corpus file with docid and text columns (title is prepended when present).")
        Path corpus;

        @Option(names = "--embeddings", description = "Instead of --corpus: the Parquet folder of st4j encode --spark (read with Spark in this JVM).")
        Path embeddings;

        @Option(names = "--index", required = true, description = "Folder to write the index to (replaced if it holds an index).")
        Path index;

        @Mixin
        EncodingFlags encoding;

        @Option(names = "--no-texts", description = "Keep only ids and vectors, not the documents' texts.")
        boolean noTexts;

        @Override
        public Integer call() throws IOException {
            encoding.validate();
            if ((corpus == null) == (embeddings == null)) {
                throw new IllegalArgumentException("give one of --corpus (a file to encode) and --embeddings (a Parquet folder of st4j encode --spark)");
            }
            if (embeddings != null) {
                SparkAvailability.require();
            }
            if (corpus != null && !Files.isRegularFile(corpus)) {
                throw new IOException("--corpus " + corpus + ": no such file");
            }
            if (embeddings == null && model == null) {
                throw new IllegalArgumentException("--model is required with --corpus");
            }
            String reference = embeddings != null ? encodedBy() : ModelResolver.reference(model);
            long start = System.nanoTime();
            try (SentenceTransformer st = ModelResolver.load(reference)) {
                encoding.applyTo(st);
                VectorIndexBuilder builder = new VectorIndexBuilder(st, reference, new EncodeOptions(encoding.batchSize, false, true))
                        .storeTexts(!noTexts);
                IndexManifest m = corpus != null ? builder.build(RetrievalData.readCorpus(corpus), index) : SparkJobs.index(builder, embeddings, index);
                System.err.printf("index: %d documents, %d dimensions (%s) in %s, %.1f s%n", m.documents(), m.dimension(),
                        m.similarity(), index, (System.nanoTime() - start) / 1e9);
            }
            return 0;
        }

        /** The model of {@code --embeddings}: the one its manifest names, which {@code --model}, when given, must be. */
        private String encodedBy() throws IOException {
            Optional<EmbeddingsManifest> manifest = EmbeddingsManifest.read(embeddings);
            if (manifest.isEmpty()) {
                if (model == null) {
                    throw new IllegalArgumentException("--model: " + embeddings + " does not say which model encoded it (no "
                            + EmbeddingsManifest.FILE + "); name that model");
                }
                return ModelResolver.reference(model);
            }
            String encoder = manifest.get().model();
            if (model != null && !ModelResolver.reference(model).equals(encoder)) {
                throw new IllegalArgumentException("--model " + model + ": the embeddings in " + embeddings + " were encoded by " + encoder
                        + "; queries must be encoded by the same model");
            }
            return encoder;
        }
    }
}
