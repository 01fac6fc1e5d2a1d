package dev.st4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.ServerSocket;
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
import java.util.Set;
import java.util.UUID;

/**
 * A front end built on JupyterLab's application (JupyterLab 4, Jupyter Notebook 7) as the browser tests drive it:
 * its server from the project's .venv on loopback with the installed st4j kernel, and what both tests do in the
 * page through the app object it exposes as {@code window.jupyterapp}: open a notebook, run the quickstart and
 * check its outputs, append and run cells, interrupt training with the notebook toolbar's button.
 */
final class LabBasedFrontEnd implements AutoCloseable {
    /** The notebook panel: the main-area widget with a session (JupyterLab's current widget is null while the headless page has no focus). */
    static final String PANEL = "Array.from(jupyterapp.shell.widgets('main')).find(w => w.sessionContext && w.content)";
    static final String KERNEL = PANEL + ".sessionContext.session.kernel";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process server;
    private final String base;
    private final String token;

    private LabBasedFrontEnd(Process server, String base, String token) {
        this.server = server;
        this.base = base;
        this.token = token;
    }

    /**
     * Starts {@code executable} of the .venv (made by bin/setup-system) with its app's {@code options}, serving the
     * tutorial notebooks with the st4j kernel installed under {@code work}, autosave off (the notebooks stay as
     * committed) and its log in {@code work/server.log}; returns once it answers.
     */
    static LabBasedFrontEnd start(String executable, Path work, String... options) throws Exception {
        Path program = Path.of("..", ".venv", "bin", executable).toAbsolutePath().normalize();
        assertTrue(Files.isExecutable(program), program + " is missing: run bin/setup-system (bin/test does)");
        InstalledKernel kernel = InstalledKernel.in(work.resolve("jupyter"));
        Path settings = work.resolve("settings/@jupyterlab/docmanager-extension");
        Files.createDirectories(settings);
        Files.writeString(settings.resolve("plugin.jupyterlab-settings"), "{\"autosave\": false}");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String token = UUID.randomUUID().toString();
        List<String> command = new ArrayList<>(List.of(program.toString(), "--no-browser", "--allow-root", "--ip=127.0.0.1",
                "--port=" + port, "--ServerApp.port_retries=0", "--IdentityProvider.token=" + token,
                "--ServerApp.root_dir=" + InstalledKernel.notebooks()));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command);
        kernel.configure(builder.environment());
        builder.environment().put("JUPYTERLAB_SETTINGS_DIR", work.resolve("settings").toString());
        builder.environment().put("JUPYTERLAB_WORKSPACES_DIR", work.resolve("workspaces").toString());
        Path log = work.resolve("server.log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        LabBasedFrontEnd frontEnd = new LabBasedFrontEnd(builder.start(), "http://127.0.0.1:" + port, token);
        try {
            Waits.until(Duration.ofSeconds(90), () -> {
                if (!frontEnd.server.isAlive()) {
                    throw new AssertionError(executable + " exited with " + frontEnd.server.exitValue() + ": see " + log);
                }
                return status(frontEnd.url("/api/status")) == 200;
            });
        } catch (Throwable e) {
            frontEnd.close();
            throw e;
        }
        return frontEnd;
    }

    /** The address of {@code path} on this server, with the token. */
    String url(String path) {
        return base + path + "?token=" + token;
    }

    /** Opens {@code path} in the page and waits for the notebook's cells and a connected, idle kernel (a screenshot to {@code notReady} if not). */
    void open(HeadlessChromium chromium, String path, Path notReady) throws Exception {
        DevToolsSession page = chromium.page();
        page.call("Page.navigate", DevToolsSession.params().put("url", url(path)));
        try {
            Waits.until(Duration.ofSeconds(120), () -> page.evaluate("(() => { try { return " + KERNEL + ".connectionStatus === 'connected' && "
                    + "['idle', 'unknown'].includes(" + KERNEL + ".status) && " + PANEL + ".content.widgets.length > 5; } catch (e) { return false; } })()").asBoolean());
        } catch (AssertionError e) {
            chromium.screenshot(notReady);
            throw new AssertionError("the page did not open the notebook with an idle kernel: " + page.evaluate("(() => { try { return "
                    + "JSON.stringify({app: typeof jupyterapp, widget: String(" + PANEL + " && " + PANEL + ".constructor.name), "
                    + "kernel: String(" + KERNEL + " && " + KERNEL + ".status), conn: String(" + KERNEL + " && " + KERNEL + ".connectionStatus), "
                    + "cells: " + PANEL + ".content.widgets.length, title: document.title}); } catch (e) { return 'diag failed: ' + e + ' ' + document.title; } })()"), e);
        }
    }

    /**
     * Clears the open quickstart's outputs and runs all its cells with the app's commands, then checks them: the
     * training cell shows one figure that changes in place and a metrics table per evaluation, the heatmap cell its
     * image, the search cell its table, and no cell errs. The finished page is saved to {@code screenshot}.
     */
    static void runQuickstart(HeadlessChromium chromium, Path screenshot) throws Exception {
        DevToolsSession page = chromium.page();
        page.evaluateAsync("jupyterapp.commands.execute('notebook:clear-all-cell-outputs').then(() => true)");
        page.evaluate("void jupyterapp.commands.execute('notebook:run-all-cells'); true");
        Set<String> figureStates = new LinkedHashSet<>();
        Waits.until(Duration.ofMinutes(10), () -> {
            JsonNode s = JSON.readTree(page.evaluate(trainCellState()).asText());
            if (s.get("images").asInt() > 0) {
                assertEquals(1, s.get("images").asInt(), "the training cell never shows more than one figure");
                figureStates.add(s.get("figure").asText());
            }
            return s.get("allRun").asBoolean();
        });
        chromium.screenshot(screenshot);
        assertEquals(List.of(), JSON.convertValue(JSON.readTree(page.evaluate(errors()).asText()), List.class), "no cell shows an error");
        assertTrue(figureStates.size() >= 2, "the figure changed in place while training: " + figureStates.size() + " states seen");
        long evaluations = Files.readAllLines(InstalledKernel.notebooks().resolve("runs/quickstart/training_log.jsonl")).stream()
                .filter(l -> l.contains("\"event\":\"eval\"")).count();
        assertTrue(evaluations > 0, "the quickstart's training evaluates");
        assertEquals(evaluations, page.evaluate(inCell("%st_train", "[...out.querySelectorAll('table')].filter(t => "
                + "t.textContent.includes('evaluation at step') && t.textContent.includes('spearman_cosine')).length")).asLong(),
                "one metrics table per evaluation");
        assertEquals(1, page.evaluate(inCell("%%st_heatmap", "out.querySelectorAll('img').length")).asInt(), "the heatmap");
        assertTrue(page.evaluate(inCell("%st_search", "[...out.querySelectorAll('table')].some(t => t.textContent.includes('A dog runs'))"))
                .asBoolean(), "the search table");
    }

    /**
     * Appends a long training cell saving to {@code project}, presses the notebook toolbar's interrupt button with
     * real mouse events once it trains (the toolbar acts on mousedown, so {@code element.click()} does nothing),
     * and checks that training stops within a step or two and that the model it bound works in the next cell.
     */
    static void interruptTrainingFromToolbar(DevToolsSession page, String project) throws Exception {
        runNewCell(page, "%st_train --trainer pair_score --model sentence-transformers/all-MiniLM-L6-v2 --data-path ../../shared/data/stsb "
                + "--target-column score --max-samples 64 --epochs 100 --batch-size 16 --logging-steps 1 --eval-strategy no "
                + "--project-name " + project + " --as interrupted");
        Waits.until(Duration.ofMinutes(2), () -> page.evaluate(lastCell("out.querySelectorAll('img').length")).asInt() == 1
                && page.evaluate(lastCell("out.textContent.includes('Training')")).asBoolean());
        Thread.sleep(3000);
        long asked = System.nanoTime();
        JsonNode button = JSON.readTree(page.evaluate("(() => { const b = " + PANEL + ".toolbar.node.querySelector("
                + "'[data-command=\"notebook:interrupt-kernel\"] button, [data-command=\"notebook:interrupt-kernel\"]');"
                + " if (!b) { return 'null'; } b.scrollIntoView(); const r = b.getBoundingClientRect();"
                + " return JSON.stringify({x: r.x + r.width / 2, y: r.y + r.height / 2}); })()").asText());
        assertTrue(button.isObject(), "the notebook toolbar has the interrupt button");
        for (String type : List.of("mousePressed", "mouseReleased")) {
            page.call("Input.dispatchMouseEvent", DevToolsSession.params().put("type", type).put("x", button.get("x").asDouble())
                    .put("y", button.get("y").asDouble()).put("button", "left").put("clickCount", 1));
        }
        try {
            Waits.until(Duration.ofSeconds(60), () -> page.evaluate(KERNEL + ".status === 'idle'").asBoolean()
                    && page.evaluate(lastCell("out.textContent.includes('interrupted at step')")).asBoolean());
        } catch (AssertionError e) {
            String text = page.evaluate(lastCell("out.textContent")).asText();
            throw new AssertionError("the training cell was not interrupted (kernel " + page.evaluate(KERNEL + ".status").asText()
                    + "): " + text.substring(Math.max(0, text.length() - 600)), e);
        }
        double seconds = (System.nanoTime() - asked) / 1e9;
        assertTrue(seconds < 20, "interrupted within a step or two: " + seconds + " s");
        runNewCell(page, "interrupted.encode(java.util.List.of(\"a dog runs\"))[0].length");
        Waits.until(Duration.ofSeconds(60), () -> page.evaluate(lastCell("out.textContent.includes('384')")).asBoolean());
    }

    /** Appends a code cell with {@code source} and runs it through the notebook's own run command. */
    static void runNewCell(DevToolsSession page, String source) throws Exception {
        page.evaluate("(() => { const nb = " + PANEL + ".content; nb.model.sharedModel.insertCell(nb.widgets.length, "
                + "{cell_type: 'code', source: " + JSON.writeValueAsString(source) + "}); nb.activeCellIndex = nb.widgets.length - 1;"
                + " void jupyterapp.commands.execute('notebook:run-cell'); return true; })()");
    }

    /** Evaluates {@code expression} with {@code out} bound to the output node of the notebook's last cell. */
    static String lastCell(String expression) {
        return "(() => { const w = " + PANEL + ".content.widgets; const out = w[w.length - 1].outputArea.node; return " + expression + "; })()";
    }

    /** JSON: how many images the training cell shows, a signature of the first, and whether every code cell has run. */
    private static String trainCellState() {
        return "(() => { const nb = " + PANEL + ".content; const cells = nb.widgets;"
                + " const train = cells.find(c => c.model.sharedModel.getSource().startsWith('%st_train'));"
                + " const imgs = train.outputArea.node.querySelectorAll('img');"
                + " const src = imgs.length ? imgs[0].src : '';"
                + " const allRun = cells.filter(c => c.model.type === 'code').every(c => c.model.executionCount !== null)"
                + "   && " + KERNEL + ".status === 'idle';"
                + " return JSON.stringify({images: imgs.length, figure: src.length + ':' + src.slice(-64), allRun: allRun}); })()";
    }

    /** JSON list of the error outputs of every cell. */
    private static String errors() {
        return "JSON.stringify(" + PANEL + ".content.widgets.filter(c => c.model.type === 'code').flatMap(c => c.model.outputs.toJSON())"
                + ".filter(o => o.output_type === 'error').map(o => o.ename + ': ' + o.evalue))";
    }

    /** Evaluates {@code expression} with {@code out} bound to the output node of the first cell starting with {@code start}. */
    private static String inCell(String start, String expression) {
        return "(() => { const out = " + PANEL + ".content.widgets.find(c => c.model.sharedModel.getSource().startsWith('" + start
                + "')).outputArea.node; return " + expression + "; })()";
    }

    private static int status(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    /** Stops the server and the kernels it started. */
    @Override
    public void close() {
        server.descendants().forEach(ProcessHandle::destroy);
        server.destroy();
    }
}
