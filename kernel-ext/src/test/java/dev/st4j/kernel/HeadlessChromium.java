package dev.st4j.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Debian's Chromium, headless, loopback only, with a fresh profile; one page driven over the DevTools protocol. */
final class HeadlessChromium implements AutoCloseable {
    private final Process process;
    private final DevToolsSession page;

    private HeadlessChromium(Process process, DevToolsSession page) {
        this.process = process;
        this.page = page;
    }

    /** Starts Chromium with its profile and log under {@code out}. */
    static HeadlessChromium start(Path out) throws Exception {
        Path profile = Files.createTempDirectory(out, "chromium-");
        Process p = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + profile,
                "--remote-debugging-port=0", "--window-size=1280,1800", "about:blank")
                .redirectErrorStream(true).redirectOutput(out.resolve("chromium.log").toFile()).start();
        try {
            Path portFile = profile.resolve("DevToolsActivePort");
            Waits.until(Duration.ofSeconds(30), () -> Files.exists(portFile) && Files.readAllLines(portFile).size() >= 2);
            String devtools = "http://127.0.0.1:" + Files.readAllLines(portFile).get(0);
            JsonNode pages = new ObjectMapper().readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(devtools + "/json/list"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body());
            String ws = null;
            for (JsonNode page : pages) {
                if (page.get("type").asText().equals("page")) {
                    ws = page.get("webSocketDebuggerUrl").asText();
                }
            }
            return new HeadlessChromium(p, DevToolsSession.connect(ws));
        } catch (Exception e) {
            p.destroyForcibly();
            throw e;
        }
    }

    /** The page. */
    DevToolsSession page() {
        return page;
    }

    /** Saves a full-page PNG screenshot. */
    void screenshot(Path file) throws Exception {
        String shot = page.call("Page.captureScreenshot", DevToolsSession.params().put("format", "png").put("captureBeyondViewport", true))
                .get("data").asText();
        Files.write(file, java.util.Base64.getDecoder().decode(shot));
    }

    @Override
    public void close() {
        page.close();
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
