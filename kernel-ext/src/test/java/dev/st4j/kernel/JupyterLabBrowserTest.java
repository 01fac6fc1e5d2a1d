package dev.st4j.kernel;

import static dev.st4j.kernel.LabBasedFrontEnd.KERNEL;
import static dev.st4j.kernel.LabBasedFrontEnd.lastCell;
import static dev.st4j.kernel.LabBasedFrontEnd.runNewCell;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

    @Test
    void quickstartInterruptCompletionAndRestartInJupyterLab() throws Exception {
        Files.createDirectories(OUT);
        try (LabBasedFrontEnd lab = LabBasedFrontEnd.start("jupyter-lab", OUT.resolve("jupyterlab"), "--LabApp.expose_app_in_browser=True");
                HeadlessChromium chromium = HeadlessChromium.start(OUT)) {
            DevToolsSession page = chromium.page();
            lab.open(chromium, "/lab/tree/quickstart.ipynb", OUT.resolve("jupyterlab-not-ready.png"));
            LabBasedFrontEnd.runQuickstart(chromium, OUT.resolve("jupyterlab-quickstart.png"));

            JsonNode flags = page.evaluateAsync(KERNEL + ".requestComplete({code: '%st_train --tr', cursor_pos: 14}).then(r => r.content.matches)");
            assertTrue(flags.toString().contains("--trainer"), "tab offers the magic's flags: " + flags);
            JsonNode members = page.evaluateAsync(KERNEL + ".requestComplete({code: '\"abc\".len', cursor_pos: 9}).then(r => r.content.matches)");
            assertTrue(members.toString().contains("length"), "tab offers a Java member: " + members);

            LabBasedFrontEnd.interruptTrainingFromToolbar(page, "runs/lab-interrupt");

            page.evaluateAsync(KERNEL + ".restart().then(() => true)");
            Waits.until(Duration.ofSeconds(90), () -> page.evaluate(KERNEL + ".connectionStatus === 'connected' && ['idle', 'unknown'].includes("
                    + KERNEL + ".status)").asBoolean());
            runNewCell(page, "6 * 7");
            Waits.until(Duration.ofSeconds(60), () -> page.evaluate(lastCell("out.textContent.includes('42')")).asBoolean());
            chromium.screenshot(OUT.resolve("jupyterlab-after-interrupt-and-restart.png"));
        }
    }
}
