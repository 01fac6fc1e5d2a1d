package dev.st4j.resolve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.st4j.hub.HfCache;
import dev.st4j.hub.HubClient;
import dev.st4j.model.SentenceTransformer;
import dev.st4j.testing.Embeddings;
import dev.st4j.testing.Fixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A loopback Hub serves the replicas laid out as their Hub repositories, with the files a repository
 * has beside the model (README, ONNX and OpenVINO exports, training leftovers): a download fetches
 * exactly the model's files, and the downloaded model encodes as Python does.
 */
class ModelFilesTest {
    private static final String COMMIT = "fedcba9876543210fedcba9876543210fedcba98";
    private static final List<String> EXTRAS = List.of("README.md", "onnx/model.onnx", "openvino/openvino_model.xml",
            "training_args.bin", "1_Pooling/README.md");

    @TempDir
    Path cache;

    private HttpServer server;
    private Path repo;
    private final List<String> served = new ArrayList<>();

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

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        if (path.equals("/api/models/hub/replica/revision/main")) {
            StringBuilder json = new StringBuilder("{\"sha\": \"" + COMMIT + "\", \"siblings\": [");
            List<String> files = new ArrayList<>(repoFiles());
            files.addAll(EXTRAS);
            for (int i = 0; i < files.size(); i++) {
                json.append(i == 0 ? "" : ", ").append("{\"rfilename\": \"").append(files.get(i)).append("\"}");
            }
            reply(ex, 200, json.append("]}").toString().getBytes(StandardCharsets.UTF_8));
            return;
        }
        String prefix = "/hub/replica/resolve/main/";
        String file = path.substring(prefix.length());
        served.add(file);
        Path f = repo.resolve(file);
        reply(ex, Files.isRegularFile(f) ? 200 : 404, Files.isRegularFile(f) ? Files.readAllBytes(f) : "extra".getBytes(StandardCharsets.UTF_8));
    }

    private List<String> repoFiles() throws IOException {
        try (Stream<Path> files = Files.walk(repo)) {
            return files.filter(Files::isRegularFile).map(p -> repo.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    private static void reply(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.getResponseHeaders().add("X-Repo-Commit", COMMIT);
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bert-base-uncased", "mpnet-base", "paraphrase-multilingual-mpnet-base-v2", "gtr-t5-base", "LaBSE",
        "multilingual-e5-base", "Qwen3-Embedding-0.6B"})
    void downloadsExactlyWhatTheLayoutNeeds(String name) throws Exception {
        repo = Fixtures.path("replicas").resolve(name).resolve("model");
        HubClient hub = new HubClient("http://127.0.0.1:" + server.getAddress().getPort(), null, new HfCache(cache), false);
        Path snapshot = hub.download("hub/replica", "main", ModelFiles::choose);
        Set<String> expected = new TreeSet<>(repoFiles());
        expected.removeIf(f -> f.endsWith("README.md"));
        if (name.equals("bert-base-uncased")) {
            expected.remove("pytorch_model.bin");
        }
        assertEquals(expected, new TreeSet<>(served), name + ": the files fetched");
        JsonNode want = new ObjectMapper().readTree(Fixtures.path("replicas").resolve(name).resolve("expected.json").toFile());
        List<String> texts = List.of(want.get("texts").get(0).asText(), want.get("texts").get(1).asText());
        try (SentenceTransformer st = SentenceTransformer.load(snapshot)) {
            float[][] emb = st.encode(texts);
            for (int i = 0; i < 2; i++) {
                assertArrayEquals(Embeddings.row(want.get("encode").get(i)), emb[i], Embeddings.TOLERANCE, name + " text " + i);
            }
        }
    }
}
