package dev.st4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every tutorial notebook top to bottom on the installed st4j kernel, under Debian's
 * {@code jupyter nbconvert --execute} and under JupyterLab's stack ({@code jupyter execute}, nbclient,
 * from the project's {@code .venv}), and checks the executed outputs.
 */
@Tag("slow")
@Tag("notebook")
class NotebookExecutionTest {
    private static final Path OUT = Path.of("target", "executed-notebooks").toAbsolutePath();
    private static InstalledKernel kernel;

    @BeforeAll
    static void install() throws IOException {
        Files.createDirectories(OUT);
        kernel = InstalledKernel.in(OUT.resolve("jupyter"));
    }

    static Stream<Arguments> notebooks() throws IOException {
        try (Stream<Path> files = Files.list(InstalledKernel.notebooks())) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ipynb")).sorted().toList();
            return Stream.of("nbconvert", "jupyter-execute").flatMap(runner -> names.stream().map(n -> Arguments.of(runner, n)));
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("notebooks")
    void executesTopToBottom(String runner, String name) throws Exception {
        Path executed = OUT.resolve(runner).resolve(name);
        Files.createDirectories(executed.getParent());
        Path input = InstalledKernel.notebooks().resolve(name);
        ProcessBuilder pb;
        if (runner.equals("nbconvert")) {
            pb = new ProcessBuilder("jupyter-nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.timeout=900",
                    "--ExecutePreprocessor.kernel_name=" + KernelSpec.DEFAULT_NAME, "--output", executed.toString(), input.toString());
        } else {
            Path execute = Path.of("..", ".venv", "bin", "jupyter-execute").toAbsolutePath().normalize();
            assertTrue(Files.isExecutable(execute), execute + " is missing: run bin/setup-system (bin/test does)");
            pb = new ProcessBuilder(execute.toString(), "--timeout=900", "--kernel_name=" + KernelSpec.DEFAULT_NAME,
                    "--output=" + executed, input.toString());
        }
        kernel.configure(pb.environment());
        Path log = OUT.resolve(runner).resolve(name + ".log");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(20, TimeUnit.MINUTES), name + ": " + runner + " did not finish");
        assertEquals(0, p.exitValue(), name + ": " + runner + " failed; see " + log + ":\n" + Files.readString(log));

        JsonNode nb = new ObjectMapper().readTree(executed.toFile());
        List<String> errors = new ArrayList<>();
        int quickNotices = 0;
        int pngs = 0;
        int metricTables = 0;
        int codeCells = 0;
        int executedCells = 0;
        for (JsonNode cell : nb.get("cells")) {
            if (!cell.get("cell_type").asText().equals("code")) {
                continue;
            }
            codeCells++;
            if (!cell.get("execution_count").isNull()) {
                executedCells++;
            }
            for (JsonNode out : cell.get("outputs")) {
                if (out.get("output_type").asText().equals("error")) {
                    errors.add(out.get("evalue").asText());
                }
                JsonNode data = out.get("data");
                if (data != null && data.has("text/plain") && text(data.get("text/plain")).contains("quick mode (ST4J_QUICK=1)")) {
                    quickNotices++;
                }
                if (data != null && data.has("image/png") && text(data.get("image/png")).startsWith("iVBORw0KGgo")) {
                    pngs++;
                }
                if (data != null && data.has("text/html") && text(data.get("text/html")).contains("<table")
                        && text(data.get("text/html")).matches("(?s).*(spearman|accuracy|ndcg|mrr|f1).*")) {
                    metricTables++;
                }
            }
        }
        assertEquals(List.of(), errors, name + ": cells raised errors");
        assertEquals(codeCells, executedCells, name + ": every code cell ran");
        assertTrue(quickNotices >= 1, name + ": the magics ran in quick mode and said so");
        assertTrue(pngs >= 2, name + ": expected the training figure and another chart, got " + pngs + " PNGs");
        assertTrue(metricTables >= 2, name + ": expected metric tables (training evaluations and %st_eval), got " + metricTables);
    }

    private static String text(JsonNode node) {
        if (node.isArray()) {
            StringBuilder b = new StringBuilder();
            node.forEach(n -> b.append(n.asText()));
            return b.toString();
        }
        return node.asText();
    }
}
