package dev.st4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The classic path end to end: Debian's Jupyter Notebook 6 on loopback with the installed st4j kernel, the
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
        try (HeadlessChromium chromium = HeadlessChromium.start(OUT)) {
            String base = "http://127.0.0.1:" + port;
            Waits.until(Duration.ofSeconds(60), () -> get(base + "/api/status?token=" + token) == 200);
            DevToolsSession page = chromium.page();
            page.call("Page.navigate", DevToolsSession.params().put("url", base + "/notebooks/quickstart.ipynb?token=" + token));
            Waits.until(Duration.ofSeconds(90), () -> page.evaluate("typeof Jupyter !== 'undefined' && !!Jupyter.notebook"
                    + " && !!Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected()").asBoolean());
            page.evaluate("Jupyter.notebook.set_autosave_interval(0); Jupyter.notebook.execute_all_cells(); true");
            Waits.until(Duration.ofMinutes(10), () -> page.evaluate("Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code')"
                    + ".every(c => typeof c.input_prompt_number === 'number')").asBoolean());
            int figures = page.evaluate("Jupyter.notebook.get_cells().find(c => c.get_text().startsWith('%st_train'))"
                    + ".output_area.element[0].querySelectorAll('img').length").asInt();
            boolean metrics = page.evaluate("[...document.querySelectorAll('.output_html table')]"
                    + ".some(t => t.textContent.includes('spearman_cosine'))").asBoolean();
            int errors = page.evaluate("document.querySelectorAll('.output_error').length").asInt();
            chromium.screenshot(OUT.resolve("quickstart.png"));
            assertEquals(0, errors, "no cell shows an error");
            assertEquals(1, figures, "the %st_train cell shows one live figure");
            assertTrue(metrics, "a metrics table with spearman_cosine is in the page");
        } finally {
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
}
