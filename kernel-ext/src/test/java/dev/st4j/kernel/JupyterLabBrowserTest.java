package dev.st4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What users open: JupyterLab 4 (from the project's .venv, made by bin/setup-system) on loopback with the
 * installed st4j kernel, driven in headless Chromium through JupyterLab's own commands. The quickstart
 * runs top to bottom; the training cell shows one figure that changes in place, a metrics table per
 * evaluation, then the heatmap and the search table, and no cell errs; the toolbar's interrupt button stops a
 * training cell and its bound model works in the next cell; tab completion offers a magic's flags and
 * a Java member; a restarted kernel works. The screenshot stays in {@code target/browser/}.
 */
@Tag("slow")
@Tag("notebook")
class JupyterLabBrowserTest {
    private static final Path OUT = Path.of("target", "browser").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The notebook panel: the main-area widget with a session (the current widget is null while the headless page has no focus). */
    private static final String PANEL = "Array.from(jupyterapp.shell.widgets('main')).find(w => w.sessionContext && w.content)";
    private static final String KERNEL = PANEL + ".sessionContext.session.kernel";

    @Test
    void quickstartInterruptCompletionAndRestartInJupyterLab() throws Exception {
        Files.createDirectories(OUT);
        Path lab = Path.of("..", ".venv", "bin", "jupyter-lab").toAbsolutePath().normalize();
        assertTrue(Files.isExecutable(lab), lab + " is missing: run bin/setup-system (bin/test does)");
        InstalledKernel kernel = InstalledKernel.in(OUT.resolve("lab-jupyter"));
        Path settings = OUT.resolve("lab-settings/@jupyterlab/docmanager-extension");
        Files.createDirectories(settings);
        Files.writeString(settings.resolve("plugin.jupyterlab-settings"), "{\"autosave\": false}");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String token = UUID.randomUUID().toString();
        ProcessBuilder server = new ProcessBuilder(lab.toString(), "--no-browser", "--allow-root", "--ip=127.0.0.1",
                "--port=" + port, "--ServerApp.port_retries=0", "--IdentityProvider.token=" + token,
                "--ServerApp.root_dir=" + InstalledKernel.notebooks(), "--LabApp.expose_app_in_browser=True");
        kernel.configure(server.environment());
        server.environment().put("JUPYTERLAB_SETTINGS_DIR", OUT.resolve("lab-settings").toString());
        server.environment().put("JUPYTERLAB_WORKSPACES_DIR", OUT.resolve("lab-workspaces").toString());
        server.redirectErrorStream(true).redirectOutput(OUT.resolve("jupyterlab.log").toFile());
        Process jupyter = server.start();
        try (HeadlessChromium chromium = HeadlessChromium.start(OUT)) {
            String base = "http://127.0.0.1:" + port;
            Waits.until(Duration.ofSeconds(90), () -> status(base + "/api/status?token=" + token) == 200);
            DevToolsSession page = chromium.page();
            page.call("Page.navigate", DevToolsSession.params().put("url", base + "/lab/tree/quickstart.ipynb?token=" + token));
            try {
                Waits.until(Duration.ofSeconds(120), () -> page.evaluate("(() => { try { return " + KERNEL + ".connectionStatus === 'connected' && "
                        + "['idle', 'unknown'].includes(" + KERNEL + ".status) && " + PANEL + ".content.widgets.length > 5; } catch (e) { return false; } })()").asBoolean());
            } catch (AssertionError e) {
                chromium.screenshot(OUT.resolve("jupyterlab-not-ready.png"));
                throw new AssertionError("JupyterLab did not open the notebook with an idle kernel: " + page.evaluate("(() => { try { return "
                        + "JSON.stringify({app: typeof jupyterapp, widget: String(" + PANEL + " && " + PANEL + ".constructor.name), "
                        + "kernel: String(" + KERNEL + " && " + KERNEL + ".status), conn: String(" + KERNEL + " && " + KERNEL + ".connectionStatus), "
                        + "cells: " + PANEL + ".content.widgets.length, title: document.title}); } catch (e) { return 'diag failed: ' + e + ' ' + document.title; } })()"), e);
            }
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
            chromium.screenshot(OUT.resolve("jupyterlab-quickstart.png"));
            assertEquals(List.of(), JSON.convertValue(JSON.readTree(page.evaluate(errors()).asText()), List.class), "no cell shows an error");
            assertTrue(figureStates.size() >= 2, "the figure changed in place while training: " + figureStates.size() + " states seen");
            long evaluations = Files.readAllLines(InstalledKernel.notebooks().resolve("runs/quickstart/training_log.jsonl")).stream()
                    .filter(l -> l.contains("\"event\":\"eval\"")).count();
            assertTrue(evaluations > 0);
            assertEquals(evaluations, page.evaluate(inCell("%st_train", "[...out.querySelectorAll('table')].filter(t => "
                    + "t.textContent.includes('evaluation at step') && t.textContent.includes('spearman_cosine')).length")).asLong(),
                    "one metrics table per evaluation");
            assertEquals(1, page.evaluate(inCell("%%st_heatmap", "out.querySelectorAll('img').length")).asInt(), "the heatmap");
            assertTrue(page.evaluate(inCell("%st_search", "[...out.querySelectorAll('table')].some(t => t.textContent.includes('A dog runs'))"))
                    .asBoolean(), "the search table");

            JsonNode flags = page.evaluateAsync(KERNEL + ".requestComplete({code: '%st_train --tr', cursor_pos: 14}).then(r => r.content.matches)");
            assertTrue(flags.toString().contains("--trainer"), "tab offers the magic's flags: " + flags);
            JsonNode members = page.evaluateAsync(KERNEL + ".requestComplete({code: '\"abc\".len', cursor_pos: 9}).then(r => r.content.matches)");
            assertTrue(members.toString().contains("length"), "tab offers a Java member: " + members);

            runNewCell(page, "%st_train --trainer pair_score --model sentence-transformers/all-MiniLM-L6-v2 --data-path ../../shared/data/stsb "
                    + "--target-column score --max-samples 4000 --epochs 1 --batch-size 16 --logging-steps 1 --eval-strategy no "
                    + "--project-name runs/lab-interrupt --as interrupted");
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

            page.evaluateAsync(KERNEL + ".restart().then(() => true)");
            Waits.until(Duration.ofSeconds(90), () -> page.evaluate(KERNEL + ".connectionStatus === 'connected' && ['idle', 'unknown'].includes("
                    + KERNEL + ".status)").asBoolean());
            runNewCell(page, "6 * 7");
            Waits.until(Duration.ofSeconds(60), () -> page.evaluate(lastCell("out.textContent.includes('42')")).asBoolean());
            chromium.screenshot(OUT.resolve("jupyterlab-after-interrupt-and-restart.png"));
        } finally {
            jupyter.descendants().forEach(ProcessHandle::destroy);
            jupyter.destroy();
        }
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

    private static String lastCell(String expression) {
        return "(() => { const w = " + PANEL + ".content.widgets; const out = w[w.length - 1].outputArea.node; return " + expression + "; })()";
    }

    /** Appends a code cell with {@code source} and runs it through the notebook's own run command. */
    private static void runNewCell(DevToolsSession page, String source) throws Exception {
        page.evaluate("(() => { const nb = " + PANEL + ".content; nb.model.sharedModel.insertCell(nb.widgets.length, "
                + "{cell_type: 'code', source: " + JSON.writeValueAsString(source) + "}); nb.activeCellIndex = nb.widgets.length - 1;"
                + " void jupyterapp.commands.execute('notebook:run-cell'); return true; })()");
    }

    private static int status(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
