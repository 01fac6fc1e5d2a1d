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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Downloads a model repository from the Hugging Face Hub ({@code {endpoint}/{repo}/resolve/{revision}/{file}})
 * into the local cache layout. Each file is written under a temporary name and renamed when complete,
 * and the revision's ref is written last, so a partial download never looks complete. The token is
 * sent only to the endpoint's own host and never appears in messages.
 */
public final class HubClient {
    /** The public Hub. */
    public static final String DEFAULT_ENDPOINT = "https://huggingface.co";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> OPTIONAL_FILES = List.of("config_sentence_transformers.json",
            "sentence_bert_config.json", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json",
            "vocab.txt", "sentencepiece.bpe.model", "spiece.model", "merges.txt", "vocab.json", "added_tokens.json");
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

    /** Downloads the files a sentence-transformers model needs and returns the snapshot folder. */
    public Path download(String repoId, String revision) throws IOException {
        String commit = null;
        Path staging = Files.createDirectories(cache.repoDir(repoId).resolve("snapshots"));
        Optional<Fetched> modules = fetch(repoId, revision, "modules.json", false);
        Set<String> files = new LinkedHashSet<>(List.of("config.json", "model.safetensors"));
        files.addAll(OPTIONAL_FILES);
        if (modules.isPresent()) {
            commit = modules.get().commit();
            for (JsonNode m : JSON.readTree(modules.get().body().toFile())) {
                String path = m.path("path").asText("");
                if (!path.isEmpty()) {
                    files.add(path + "/config.json");
                    if (m.path("type").asText("").endsWith("Dense")) {
                        files.add(path + "/model.safetensors");
                    }
                }
            }
        }
        List<String> required = List.of("config.json", "model.safetensors");
        List<Downloaded> done = new ArrayList<>();
        if (modules.isPresent()) {
            done.add(new Downloaded("modules.json", modules.get().body()));
        }
        try {
            for (String file : files) {
                Optional<Fetched> f = fetch(repoId, revision, file, required.contains(file));
                if (f.isPresent()) {
                    commit = commit != null ? commit : f.get().commit();
                    done.add(new Downloaded(file, f.get().body()));
                }
            }
        } catch (IOException e) {
            for (Downloaded d : done) {
                Files.deleteIfExists(d.body());
            }
            throw e;
        }
        String snapshotName = commit != null ? commit : revision;
        Path snapshot = staging.resolve(snapshotName);
        for (Downloaded d : done) {
            Path target = snapshot.resolve(d.file());
            Files.createDirectories(target.getParent());
            AtomicFiles.move(d.body(), target);
        }
        cache.writeRef(repoId, revision, snapshotName);
        return snapshot;
    }

    private record Fetched(Path body, String commit) {}

    private record Downloaded(String file, Path body) {}

    private Optional<Fetched> fetch(String repoId, String revision, String file, boolean required) throws IOException {
        URI uri = URI.create(endpoint + "/" + repoId + "/resolve/" + revision + "/" + file);
        HttpResponse<InputStream> response = send(uri);
        int status = response.statusCode();
        String commit = response.headers().firstValue("X-Repo-Commit").orElse(null);
        if (status == 404 && !required) {
            response.body().close();
            return Optional.empty();
        }
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
        return Optional.of(new Fetched(tmp, commit));
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
