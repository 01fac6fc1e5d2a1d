package dev.st4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The other front end users open: Jupyter Notebook 7 (from the project's .venv, made by bin/setup-system) on
 * loopback with the installed st4j kernel, driven in headless Chromium through the app's own commands. The
 * quickstart runs top to bottom with the same outputs as in JupyterLab (one live figure, a metrics table per
 * evaluation, the heatmap, the search table, no error); the interrupt button of Notebook 7's toolbar stops a
 * training cell and its bound model works in the next cell. The screenshots stay in {@code target/browser/}.
 */
@Tag("slow")
@Tag("notebook")
class Notebook7BrowserTest {
    private static final Path OUT = Path.of("target", "browser").toAbsolutePath();

    @Test
    void quickstartAndInterruptInNotebook7() throws Exception {
        Files.createDirectories(OUT);
        try (LabBasedFrontEnd notebook = LabBasedFrontEnd.start("jupyter-notebook", OUT.resolve("notebook7"),
                "--JupyterNotebookApp.expose_app_in_browser=True");
                HeadlessChromium chromium = HeadlessChromium.start(OUT)) {
            DevToolsSession page = chromium.page();
            notebook.open(chromium, "/notebooks/quickstart.ipynb", OUT.resolve("notebook7-not-ready.png"));
            assertEquals("Jupyter Notebook", page.evaluate("jupyterapp.name").asText(), "the page is Notebook 7's, not JupyterLab's");
            LabBasedFrontEnd.runQuickstart(chromium, OUT.resolve("notebook7-quickstart.png"));
            LabBasedFrontEnd.interruptTrainingFromToolbar(page, "runs/notebook7-interrupt");
            chromium.screenshot(OUT.resolve("notebook7-after-interrupt.png"));
        }
    }
}
