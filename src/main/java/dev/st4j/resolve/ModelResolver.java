package dev.st4j.resolve;

import dev.st4j.catalogue.BundledModel;
import dev.st4j.catalogue.BundledModels;
import dev.st4j.hub.HfCache;
import dev.st4j.hub.HubClient;
import dev.st4j.hub.HubException;
import dev.st4j.model.SentenceTransformer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds what a user names as a model, in this order: a local folder; the local Hugging Face cache; the
 * bundled catalogue of models shipped on Maven Central; a download from the Hub. A model found nowhere
 * gets one error listing what was tried.
 */
public final class ModelResolver {
    private static final Pattern HUB_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)?$");

    private final Map<String, String> env;
    private final String token;
    private final String revision;

    /** A resolver reading the process environment, with an optional Hub token and revision. */
    public ModelResolver(Map<String, String> env, String token, String revision) {
        this.env = env;
        this.token = token;
        this.revision = revision == null ? "main" : revision;
    }

    /**
     * How manifests (of indexes, of embeddings) record a model: a folder as its absolute path, so that it still
     * names the folder from elsewhere; a Hub id or bundled name as it is.
     */
    public static String reference(String pathOrId) {
        Path path = Path.of(pathOrId);
        return Files.isDirectory(path) ? path.toAbsolutePath().normalize().toString() : pathOrId;
    }

    /** Resolves with the process environment and no explicit token. */
    public static SentenceTransformer load(String pathOrId) throws IOException {
        return new ModelResolver(System.getenv(), null, null).loadModel(pathOrId);
    }

    /** Loads the model named by {@code pathOrId}. */
    public SentenceTransformer loadModel(String pathOrId) throws IOException {
        return SentenceTransformer.load(resolve(pathOrId));
    }

    /** The folder holding the model named by {@code pathOrId}, downloading or importing it if needed. */
    public Path resolve(String pathOrId) throws IOException {
        List<String> tried = new ArrayList<>();
        Path local = Path.of(pathOrId);
        if (Files.isDirectory(local)) {
            return local;
        }
        tried.add("no folder " + local.toAbsolutePath().normalize());
        if (!HUB_ID.matcher(pathOrId).matches()) {
            throw notFound(pathOrId, tried);
        }
        HfCache cache = HfCache.fromEnvironment(env);
        Optional<Path> cached = cache.find(pathOrId, revision);
        if (cached.isPresent()) {
            return cached.get();
        }
        tried.add("not in the Hugging Face cache " + cache.root());
        Optional<BundledModel> bundled = BundledModel.byId(pathOrId);
        if (bundled.isPresent()) {
            return BundledModels.materialize(bundled.get(), BundledModels.cacheRoot(env));
        }
        tried.add("not a bundled model");
        if ("1".equals(env.get("HF_HUB_OFFLINE"))) {
            tried.add("Hub download skipped (HF_HUB_OFFLINE=1)");
            throw notFound(pathOrId, tried);
        }
        HubClient hub = HubClient.fromEnvironment(env, token, cache);
        try {
            return hub.download(pathOrId, revision, ModelFiles::choose);
        } catch (HubException e) {
            tried.add("Hub download failed: " + e.getMessage());
            throw notFound(pathOrId, tried);
        }
    }

    private static IOException notFound(String pathOrId, List<String> tried) {
        return new IOException("model '" + pathOrId + "' not found: " + String.join("; ", tried)
                + ". Bundled models: " + BundledModel.ids());
    }
}
