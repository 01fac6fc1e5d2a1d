package dev.st4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The user's path end to end: Jupyter Notebook on loopback with the installed st4j kernel, the
 * quickstart opened in headless Chromium, "run all", and the live training figure and the metrics
 * table checked in the page. The screenshot stays in {@code target/browser/}.
 */
@Tag("slow")
@Tag("notebook")
class BrowserNotebookTest {
    private static final Path OUT = Path.of("target", "browser").toAbsolutePath();

    @Test
    void quickstartRunsInTheBrowser() throws Exception {
        Files.createDirectories(OUT);
        InstalledKernel kernel = InstalledKernel.in(OUT.resolve("jupyter"));
        int port = freePort();
        String token = UUID.randomUUID().toString();
        ProcessBuilder server = new ProcessBuilder("jupyter-notebook", "--no-browser", "--allow-root", "--ip=127.0.0.1",
                "--port=" + port, "--NotebookApp.port_retries=0", "--NotebookApp.token=" + token,
                "--NotebookApp.notebook_dir=" + InstalledKernel.notebooks());
        kernel.configure(server.environment());
        server.redirectErrorStream(true).redirectOutput(OUT.resolve("jupyter.log").toFile());
        Process jupyter = server.start();
        Process chromium = null;
        try {
            String base = "http://127.0.0.1:" + port;
            waitFor(Duration.ofSeconds(60), () -> get(base + "/api/status?token=" + token) == 200);
            Path profile = Files.createTempDirectory(OUT, "chromium-");
            chromium = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + profile,
                    "--remote-debugging-port=0", "--window-size=1280,1800", "about:blank")
                    .redirectErrorStream(true).redirectOutput(OUT.resolve("chromium.log").toFile()).start();
            Path portFile = profile.resolve("DevToolsActivePort");
            waitFor(Duration.ofSeconds(30), () -> Files.exists(portFile) && Files.readAllLines(portFile).size() >= 2);
            String devtools = "http://127.0.0.1:" + Files.readAllLines(portFile).get(0);
            JsonNode pages = new ObjectMapper().readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(devtools + "/json/list"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body());
            String ws = null;
            for (JsonNode p : pages) {
                if (p.get("type").asText().equals("page")) {
                    ws = p.get("webSocketDebuggerUrl").asText();
                }
            }
            try (DevToolsSession page = DevToolsSession.connect(ws)) {
                page.call("Page.navigate", DevToolsSession.params().put("url", base + "/notebooks/quickstart.ipynb?token=" + token));
                waitFor(Duration.ofSeconds(90), () -> page.evaluate("typeof Jupyter !== 'undefined' && !!Jupyter.notebook"
                        + " && !!Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected()").asBoolean());
                page.evaluate("Jupyter.notebook.set_autosave_interval(0); Jupyter.notebook.execute_all_cells(); true");
                waitFor(Duration.ofMinutes(10), () -> page.evaluate("Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code')"
                        + ".every(c => typeof c.input_prompt_number === 'number')").asBoolean());
                int figures = page.evaluate("Jupyter.notebook.get_cells().find(c => c.get_text().startsWith('%st_train'))"
                        + ".output_area.element[0].querySelectorAll('img').length").asInt();
                boolean metrics = page.evaluate("[...document.querySelectorAll('.output_html table')]"
                        + ".some(t => t.textContent.includes('spearman_cosine'))").asBoolean();
                int errors = page.evaluate("document.querySelectorAll('.output_error').length").asInt();
                String shot = page.call("Page.captureScreenshot", DevToolsSession.params().put("format", "png")
                        .put("captureBeyondViewport", true)).get("data").asText();
                Files.write(OUT.resolve("quickstart.png"), Base64.getDecoder().decode(shot));
                assertEquals(0, errors, "no cell shows an error");
                assertEquals(1, figures, "the %st_train cell shows one live figure");
                assertTrue(metrics, "a metrics table with spearman_cosine is in the page");
            }
        } finally {
            if (chromium != null) {
                chromium.descendants().forEach(ProcessHandle::destroyForcibly);
                chromium.destroyForcibly();
            }
            jupyter.descendants().forEach(ProcessHandle::destroy);
            jupyter.destroy();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static int get(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static void waitFor(Duration limit, Callable<Boolean> condition) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        Exception last = null;
        while (System.nanoTime() < end) {
            try {
                if (condition.call()) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("timed out after " + limit + (last == null ? "" : ": " + last.getMessage()));
    }
}
