package dev.st4j.catalogue;

import dev.st4j.io.AtomicFiles;
import dev.st4j.model.SentenceTransformer;
import dev.st4j.modules.Normalize;
import dev.st4j.modules.Pooling;
import dev.st4j.onnx.BertOnnxImporter;
import dev.st4j.onnx.OnnxGraph;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link BundledModel}'s ONNX export into a sentence-transformers folder, once, under
 * st4j's cache ({@code $ST4J_CACHE}, else {@code ~/.cache/st4j}), and returns that folder.
 */
public final class BundledModels {
    private BundledModels() {}

    /** st4j's cache root for the environment. */
    public static Path cacheRoot(Map<String, String> env) {
        String c = env.get("ST4J_CACHE");
        return c != null && !c.isBlank() ? Path.of(c) : Path.of(System.getProperty("user.home"), ".cache", "st4j");
    }

    /** The imported folder of {@code model}, importing it first if it is not cached yet. */
    public static Path materialize(BundledModel model, Path cacheRoot) throws IOException {
        Path target = cacheRoot.resolve("bundled").resolve(model.id().replace("/", "--"));
        if (Files.isRegularFile(target.resolve("modules.json"))) {
            return target;
        }
        Files.createDirectories(target.getParent());
        Path work = Files.createTempDirectory(target.getParent(), ".import-");
        try {
            Path hf = Files.createDirectories(work.resolve("hf"));
            importOnnx(model, hf);
            try (SentenceTransformer st = SentenceTransformer.compose(hf,
                    dim -> List.of(Pooling.of(dim, model.pooling()), new Normalize()), model.maxSeqLength())) {
                st.save(target);
            }
        } finally {
            AtomicFiles.deleteTree(work);
        }
        return target;
    }

    /** Writes the Hugging Face folder (config, weights, tokenizer) of a bundled model's export into {@code dir}. */
    public static void importOnnx(BundledModel model, Path dir) throws IOException {
        OnnxGraph graph;
        try (InputStream in = resource(model, model.onnxResource())) {
            graph = OnnxGraph.read(new BufferedInputStream(in, 1 << 20));
        }
        String tokenizer;
        try (InputStream in = resource(model, model.tokenizerResource())) {
            tokenizer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        BertOnnxImporter.writeFolder(BertOnnxImporter.recover(graph, model.onnxResource()), tokenizer, dir);
    }

    /** Opens a resource of the model's artifact, or explains which artifact is missing. */
    public static InputStream resource(BundledModel model, String name) throws IOException {
        InputStream in = BundledModels.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("bundled model '" + model.id() + "' needs the Maven artifact " + model.artifact()
                    + " on the classpath (resource " + name + " not found); run the build once with network access to Maven Central");
        }
        return in;
    }
}
