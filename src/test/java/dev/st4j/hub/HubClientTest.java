package dev.st4j.hub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.st4j.resolve.ModelFiles;
import dev.st4j.resolve.ModelResolver;
import dev.st4j.model.SentenceTransformer;
import dev.st4j.testing.Shared;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Hub download client against a Hub-like server started on 127.0.0.1 that serves the tiny BERT fixture. */
class HubClientTest {
    private static final String TOKEN = "hf_secretTOKEN123456";
    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path cacheDir;

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> authHeaders = new CopyOnWriteArrayList<>();
    private volatile boolean cutWeights;
    private volatile boolean requireToken;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        requests.add(path);
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth != null) {
            authHeaders.add(auth);
        }
        String prefix = "/acme/tiny-bert/resolve/main/";
        if (requireToken && !("Bearer " + TOKEN).equals(auth)) {
            reply(ex, 401, "unauthorized".getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (path.equals("/api/models/acme/tiny-bert/revision/main")) {
            StringBuilder json = new StringBuilder("{\"sha\": \"" + COMMIT + "\", \"siblings\": [{\"rfilename\": \"README.md\"}");
            try (var files = Files.list(Shared.tinyModel("bert"))) {
                for (Path f : files.filter(f -> !f.getFileName().toString().equals("reference.json")).toList()) {
                    json.append(", {\"rfilename\": \"").append(f.getFileName()).append("\"}");
                }
            }
            reply(ex, 200, json.append("]}").toString().getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (!path.startsWith(prefix)) {
            reply(ex, 404, "not found".getBytes(StandardCharsets.UTF_8));
            return;
        }
        Path file = Shared.tinyModel("bert").resolve(path.substring(prefix.length()));
        if (!Files.isRegularFile(file) || file.getFileName().toString().equals("reference.json")) {
            reply(ex, 404, "entry not found".getBytes(StandardCharsets.UTF_8));
            return;
        }
        byte[] body = Files.readAllBytes(file);
        ex.getResponseHeaders().add("X-Repo-Commit", COMMIT);
        if (cutWeights && path.endsWith("model.safetensors")) {
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body, 0, body.length / 2);
                out.flush();
            }
            ex.getHttpContext().getServer();
            ex.close();
            return;
        }
        reply(ex, 200, body);
    }

    private static void reply(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private HubClient client(String token) {
        return new HubClient(endpoint(), token, new HfCache(cacheDir), false);
    }

    @Test
    void downloadsIntoTheHuggingFaceCacheLayout() throws Exception {
        Path snapshot = client(null).download("acme/tiny-bert", "main", ModelFiles::choose);
        assertEquals(cacheDir.resolve("models--acme--tiny-bert/snapshots/" + COMMIT), snapshot);
        assertEquals(COMMIT, Files.readString(cacheDir.resolve("models--acme--tiny-bert/refs/main")));
        assertArrayEquals(Files.readAllBytes(Shared.tinyModel("bert").resolve("model.safetensors")),
                Files.readAllBytes(snapshot.resolve("model.safetensors")));
        assertTrue(Files.exists(snapshot.resolve("vocab.txt")));
        assertEquals(snapshot, new HfCache(cacheDir).find("acme/tiny-bert", "main").orElseThrow());
        try (SentenceTransformer st = SentenceTransformer.load(snapshot)) {
            assertEquals(32, st.dimension());
        }
        assertEquals("/api/models/acme/tiny-bert/revision/main", requests.get(0), "asks for the file list first");
        assertFalse(requests.contains("/acme/tiny-bert/resolve/main/README.md"), "downloads only what the model needs");
        assertFalse(requests.contains("/acme/tiny-bert/resolve/main/modules.json"), "and asks for nothing the repository lacks");
        try (var blobs = Files.list(cacheDir.resolve("models--acme--tiny-bert/blobs"))) {
            assertEquals(0, blobs.count(), "no temporary files left");
        }
    }

    @Test
    void resolverUsesCacheBeforeNetworkAndDownloadsWhenMissing() throws Exception {
        Map<String, String> env = Map.of("HF_ENDPOINT", endpoint(), "HF_HUB_CACHE", cacheDir.toString(),
                "ST4J_CACHE", cacheDir.resolve("st4j").toString());
        Path first = new ModelResolver(env, null, null).resolve("acme/tiny-bert");
        int served = requests.size();
        Path second = new ModelResolver(env, null, null).resolve("acme/tiny-bert");
        assertEquals(first, second);
        assertEquals(served, requests.size(), "the second resolve is served from the cache");
    }

    @Test
    void tokenIsSentAndNeverShown() throws Exception {
        requireToken = true;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            HubException refused = assertThrows(HubException.class, () -> client("hf_wrong_token_999").download("acme/tiny-bert", "main", ModelFiles::choose));
            assertEquals(401, refused.status());
            assertTrue(refused.getMessage().contains("token was not accepted"), refused.getMessage());
            assertFalse(refused.getMessage().contains("hf_wrong_token_999"));
            HubException anonymous = assertThrows(HubException.class, () -> client(null).download("acme/tiny-bert", "main", ModelFiles::choose));
            assertTrue(anonymous.getMessage().contains("HF_TOKEN"), anonymous.getMessage());
            Path snapshot = client(TOKEN).download("acme/tiny-bert", "main", ModelFiles::choose);
            assertTrue(authHeaders.contains("Bearer " + TOKEN));
            try (var files = Files.walk(cacheDir)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertFalse(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(TOKEN), f + " holds the token");
                }
            }
            assertTrue(Files.exists(snapshot.resolve("config.json")));
        } finally {
            System.setErr(oldErr);
        }
        assertFalse(err.toString(StandardCharsets.UTF_8).contains(TOKEN), "token in log output");
    }

    @Test
    void unknownModelIs404WithOneLine() {
        HubException e = assertThrows(HubException.class, () -> client(null).download("acme/nothing", "main", ModelFiles::choose));
        assertEquals(404, e.status());
        assertTrue(e.getMessage().contains("acme/nothing") && e.getMessage().contains("404"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void connectionCutMidFileLeavesNothingThatLooksComplete() throws Exception {
        cutWeights = true;
        HubException e = assertThrows(HubException.class, () -> client(null).download("acme/tiny-bert", "main", ModelFiles::choose));
        assertTrue(e.getMessage().contains("broke off"), e.getMessage());
        HfCache cache = new HfCache(cacheDir);
        assertTrue(cache.find("acme/tiny-bert", "main").isEmpty());
        assertFalse(Files.exists(cacheDir.resolve("models--acme--tiny-bert/refs/main")));
        assertFalse(Files.exists(cache.snapshotDir("acme/tiny-bert", COMMIT).resolve("model.safetensors")));
        try (var blobs = Files.list(cacheDir.resolve("models--acme--tiny-bert/blobs"))) {
            assertEquals(0, blobs.count(), "partial files removed");
        }
        cutWeights = false;
        assertTrue(Files.exists(client(null).download("acme/tiny-bert", "main", ModelFiles::choose).resolve("model.safetensors")), "a retry succeeds");
    }

    @Test
    void modelFoundNowhereListsWhatWasTried() {
        Map<String, String> env = Map.of("HF_ENDPOINT", endpoint(), "HF_HUB_CACHE", cacheDir.toString());
        IOException e = assertThrows(IOException.class, () -> new ModelResolver(env, null, null).resolve("acme/missing"));
        String m = e.getMessage();
        assertTrue(m.contains("no folder") && m.contains("Hugging Face cache") && m.contains("not a bundled model")
                && m.contains("404") && m.contains("sentence-transformers/all-MiniLM-L6-v2"), m);
        assertEquals(1, m.lines().count());
    }
}
