package dev.st4j.hub;

import dev.st4j.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The local Hugging Face model cache as {@code huggingface_hub} lays it out
 * ({@code models--{org}--{name}/refs/{revision}} holding a commit, files under
 * {@code snapshots/{commit}/}), so that models downloaded from Python are reused as they are.
 */
public final class HfCache {
    private final Path root;

    /** A cache rooted at {@code root}. */
    public HfCache(Path root) {
        this.root = root;
    }

    /** The cache Python would use: {@code $HF_HUB_CACHE}, else {@code $HF_HOME/hub}, else {@code ~/.cache/huggingface/hub}. */
    public static HfCache fromEnvironment(Map<String, String> env) {
        String hubCache = env.get("HF_HUB_CACHE");
        if (hubCache != null && !hubCache.isBlank()) {
            return new HfCache(Path.of(hubCache));
        }
        String home = env.get("HF_HOME");
        if (home != null && !home.isBlank()) {
            return new HfCache(Path.of(home, "hub"));
        }
        return new HfCache(Path.of(System.getProperty("user.home"), ".cache", "huggingface", "hub"));
    }

    /** The cache root. */
    public Path root() {
        return root;
    }

    /** The folder of one repository, e.g. {@code models--BAAI--bge-small-en-v1.5}. */
    public Path repoDir(String repoId) {
        return root.resolve("models--" + repoId.replace("/", "--"));
    }

    /** The snapshot folder of a commit. */
    public Path snapshotDir(String repoId, String commit) {
        return repoDir(repoId).resolve("snapshots").resolve(commit);
    }

    /** The complete snapshot that {@code revision} (a branch, tag or commit) points to, if cached. */
    public Optional<Path> find(String repoId, String revision) throws IOException {
        Path repo = repoDir(repoId);
        Path ref = repo.resolve("refs").resolve(revision);
        String commit = Files.isRegularFile(ref) ? Files.readString(ref, StandardCharsets.UTF_8).strip() : revision;
        Path snapshot = repo.resolve("snapshots").resolve(commit);
        return isComplete(snapshot) ? Optional.of(snapshot) : Optional.empty();
    }

    /** Records that {@code revision} points to {@code commit}. */
    public void writeRef(String repoId, String revision, String commit) throws IOException {
        AtomicFiles.writeString(repoDir(repoId).resolve("refs").resolve(revision), commit);
    }

    /** True when the folder holds a loadable model: a config and weights at the transformer's place. */
    public static boolean isComplete(Path snapshot) {
        return Files.isRegularFile(snapshot.resolve("config.json")) && Files.isRegularFile(snapshot.resolve("model.safetensors"));
    }
}
