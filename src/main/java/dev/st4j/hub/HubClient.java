package dev.st4j.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.st4j.io.AtomicFiles;
import dev.st4j.io.ProgressBar;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Downloads files of a model repository from the Hugging Face Hub (its file list from
 * {@code {endpoint}/api/models/{repo}/revision/{revision}}, each file from
 * {@code {endpoint}/{repo}/resolve/{revision}/{file}}) into the local cache layout; which files is up to
 * the caller's {@link FileChooser}. Each file is written under a temporary name and renamed when complete,
 * and the revision's ref is written last, so a partial download never looks complete. The token is
 * sent only to the endpoint's own host and never appears in messages.
 */
public final class HubClient {
    /** The public Hub. */
    public static final String DEFAULT_ENDPOINT = "https://huggingface.co";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REDIRECTS = 5;

    private final URI endpoint;
    private final String token;
    private final HfCache cache;
    private final boolean progress;
    private final HttpClient http;

    /**
     * A client for {@code endpoint} that authenticates with {@code token} (may be null) and writes into
     * {@code cache}.
     */
    public HubClient(String endpoint, String token, HfCache cache, boolean progress) {
        this.endpoint = URI.create(endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint);
        this.token = token == null || token.isBlank() ? null : token;
        this.cache = cache;
        this.progress = progress;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A client configured as huggingface_hub would be: {@code HF_ENDPOINT}, then {@code token} or {@code HF_TOKEN}. */
    public static HubClient fromEnvironment(Map<String, String> env, String token, HfCache cache) {
        String endpoint = Optional.ofNullable(env.get("HF_ENDPOINT")).filter(s -> !s.isBlank()).orElse(DEFAULT_ENDPOINT);
        String t = token != null ? token : env.get("HF_TOKEN");
        return new HubClient(endpoint, t, cache, true);
    }

    /** The endpoint, for messages. */
    public String endpoint() {
        return endpoint.toString();
    }

    /** Chooses which files of a repository to download, reading some of them (an index, modules.json) first. */
    @FunctionalInterface
    public interface FileChooser {
        /**
         * The files to download.
         *
         * @param files every file the repository has at the revision, as paths relative to its root
         * @param reader fetches one of them now (it is then part of the download)
         */
        List<String> choose(Set<String> files, FileReader reader) throws IOException;
    }

    /** Fetches one file of the repository being downloaded. */
    @FunctionalInterface
    public interface FileReader {
        /** A local copy of {@code file}. */
        Path read(String file) throws IOException;
    }

    /** What a repository holds at a revision: its commit and its files. */
    public record Listing(String commit, Set<String> files) {}

    /** The commit and file list of {@code repoId} at {@code revision} ({@code /api/models/{repo}/revision/{revision}}). */
    public Listing list(String repoId, String revision) throws IOException {
        URI uri = URI.create(endpoint + "/api/models/" + repoId + "/revision/" + revision);
        HttpResponse<InputStream> response = send(uri);
        int status = response.statusCode();
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(64 << 20);
        }
        if (status != 200) {
            throw new HubException(describe(repoId, revision, "file list", status), status);
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new HubException("model '" + repoId + "' at " + endpoint + ": the file list is not JSON", 0);
        }
        Set<String> files = new LinkedHashSet<>();
        for (JsonNode s : root.path("siblings")) {
            String name = s.path("rfilename").asText("");
            if (!name.isEmpty()) {
                files.add(name);
            }
        }
        String commit = root.path("sha").asText(null);
        return new Listing(commit, files);
    }

    /**
     * Downloads the files {@code chooser} picks from the repository's listing into the cache's snapshot
     * of the revision's commit, and returns that folder. Nothing looks complete until every file is in
     * place: files are renamed into the snapshot, then the ref is written.
     */
    public Path download(String repoId, String revision, FileChooser chooser) throws IOException {
        Listing listing = list(repoId, revision);
        Map<String, Path> fetched = new LinkedHashMap<>();
        try {
            FileReader reader = file -> {
                if (!listing.files().contains(file)) {
                    throw new HubException("model '" + repoId + "' at " + endpoint + " (revision " + revision + "): no file " + file, 404);
                }
                if (!fetched.containsKey(file)) {
                    fetched.put(file, fetch(repoId, revision, safe(repoId, file)));
                }
                return fetched.get(file);
            };
            for (String file : chooser.choose(listing.files(), reader)) {
                reader.read(file);
            }
        } catch (IOException | RuntimeException e) {
            for (Path body : fetched.values()) {
                Files.deleteIfExists(body);
            }
            throw e;
        }
        String snapshotName = listing.commit() != null ? listing.commit() : revision;
        Path snapshot = Files.createDirectories(cache.repoDir(repoId).resolve("snapshots")).resolve(snapshotName);
        for (Map.Entry<String, Path> f : fetched.entrySet()) {
            Path target = snapshot.resolve(f.getKey());
            Files.createDirectories(target.getParent());
            AtomicFiles.move(f.getValue(), target);
        }
        cache.writeRef(repoId, revision, snapshotName);
        return snapshot;
    }

    /** A repository path that stays inside the snapshot folder. */
    private String safe(String repoId, String file) throws HubException {
        boolean escapes = file.startsWith("/") || file.contains("\\") || List.of(file.split("/")).contains("..");
        if (file.isEmpty() || escapes) {
            throw new HubException("model '" + repoId + "': file path '" + file + "' leaves the repository", 0);
        }
        return file;
    }

    private Path fetch(String repoId, String revision, String file) throws IOException {
        URI uri = URI.create(endpoint + "/" + repoId + "/resolve/" + revision + "/" + file);
        HttpResponse<InputStream> response = send(uri);
        int status = response.statusCode();
        if (status != 200) {
            response.body().close();
            throw new HubException(describe(repoId, revision, file, status), status);
        }
        long expected = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        Path dir = Files.createDirectories(cache.repoDir(repoId).resolve("blobs"));
        Path tmp = Files.createTempFile(dir, ".download-", ".incomplete");
        long written = 0;
        try (InputStream in = response.body();
                OutputStream out = Files.newOutputStream(tmp);
                ProgressBar bar = ProgressBar.onTerminal(file, expected, progress && expected > (1 << 20))) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
                written += n;
                bar.step(n);
            }
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw new HubException(repoId + "/" + file + ": download broke off after " + written + " bytes ("
                    + e.getClass().getSimpleName() + ")", 0);
        }
        if (expected >= 0 && written != expected) {
            Files.deleteIfExists(tmp);
            throw new HubException(repoId + "/" + file + ": download broke off after " + written + " of " + expected
                    + " bytes", 0);
        }
        return tmp;
    }

    private HttpResponse<InputStream> send(URI first) throws IOException {
        URI uri = first;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10))
                    .header("User-Agent", "st4j/0.1.0");
            if (token != null && sameHost(uri)) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<InputStream> response;
            try {
                response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HubException("download of " + first.getPath() + " interrupted", 0);
            } catch (IOException e) {
                throw new HubException("cannot reach " + endpoint + " (" + e.getClass().getSimpleName() + ")", 0);
            }
            int status = response.statusCode();
            Optional<String> location = response.headers().firstValue("Location");
            if (status >= 300 && status < 400 && location.isPresent()) {
                response.body().close();
                uri = uri.resolve(location.get());
                continue;
            }
            return response;
        }
        throw new HubException("too many redirects for " + first.getPath(), 0);
    }

    private boolean sameHost(URI uri) {
        return endpoint.getHost() != null && endpoint.getHost().equalsIgnoreCase(uri.getHost())
                && endpoint.getPort() == uri.getPort() && endpoint.getScheme().equalsIgnoreCase(uri.getScheme());
    }

    private String describe(String repoId, String revision, String file, int status) {
        String where = "model '" + repoId + "' at " + endpoint + " (revision " + revision + ", " + file + ")";
        return switch (status) {
            case 401, 403 -> where + ": HTTP " + status + ", access refused: "
                    + (token == null ? "the model is private or gated; pass a token (--token or HF_TOKEN)" : "the token was not accepted");
            case 404 -> where + ": HTTP 404, no such model, revision or file";
            default -> where + ": HTTP " + status;
        };
    }
}
