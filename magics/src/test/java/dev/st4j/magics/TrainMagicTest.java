package dev.st4j.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.st4j.model.SentenceTransformer;
import dev.st4j.view.Html;
import dev.st4j.view.Png;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainMagicTest {
    @TempDir
    Path tmp;

    private List<String> flags(String project) {
        return new ArrayList<>(List.of("--trainer", "pair_score", "--model", SharedFiles.tinyModel("bert").toString(),
                "--data-path", SharedFiles.data("stsb").toString(), "--target-column", "score", "--valid-split", "validation",
                "--max-samples", "32", "--max-seq-length", "32", "--batch-size", "8", "--epochs", "1", "--logging-steps", "1", "--eval-strategy", "steps",
                "--early-stopping-patience", "100", "--project-name", tmp.resolve(project).toString()));
    }

    @Test
    void trainsWithOneLiveFigureMetricTablesAndBindsTheModel() throws Exception {
        RecordingSession s = new RecordingSession();
        List<String> args = flags("run");
        args.addAll(List.of("--as", "tuned"));
        assertEquals(null, new TrainMagic().run(args, null, s));

        List<Png> figures = s.shownOf(Png.class);
        assertEquals(1, figures.size(), "exactly one figure is shown; later states replace it in place");
        String figureId = "display-" + s.shown.indexOf(figures.get(0));
        assertTrue(s.updates.get(figureId).size() >= 2, "the figure is updated in place as training goes");
        s.updates.get(figureId).forEach(v -> assertInstanceOf(Png.class, v));
        List<Html> html = s.shownOf(Html.class);
        assertEquals(4, html.stream().filter(h -> h.html().contains("evaluation at step") && h.html().contains("spearman_cosine")).count(),
                "one metrics table per evaluation");
        assertTrue(html.get(html.size() - 1).html().contains("training summary"));
        assertTrue(html.get(html.size() - 1).html().contains("finished"));
        SentenceTransformer model = assertInstanceOf(SentenceTransformer.class, s.variables.get("tuned"));
        assertEquals(32, model.encode("a sentence").length);
        model.close();
    }

    @Test
    void cellBodyIsTheParameterSetAndFlagsOverrideIt() throws Exception {
        RecordingSession s = new RecordingSession();
        String yaml = String.join("\n", "trainer: pair_score", "model: " + SharedFiles.tinyModel("bert"),
                "data_path: " + SharedFiles.data("stsb"), "target_column: score", "max_samples: 16", "max_seq_length: 32", "batch_size: 8", "epochs: 3",
                "project_name: " + tmp.resolve("cell"));
        new TrainMagic().run(List.of("--epochs", "1"), yaml, s);
        assertTrue(Files.exists(tmp.resolve("cell/model.safetensors")));
        String params = Files.readString(tmp.resolve("cell/training_params.json"));
        assertTrue(params.contains("\"epochs\":1") || params.contains("\"epochs\" : 1"), params);
        ((SentenceTransformer) s.variables.get("model")).close();
    }

    @Test
    void interruptingStopsAtTheNextStepAndKeepsTheModel() throws Exception {
        RecordingSession s = new RecordingSession();
        s.onUpdate = v -> Thread.currentThread().interrupt();
        new TrainMagic().run(flags("interrupted"), null, s);
        String summary = s.shownOf(Html.class).get(s.shownOf(Html.class).size() - 1).html();
        assertTrue(summary.contains("interrupted at step"), summary);
        assertTrue(Files.exists(tmp.resolve("interrupted/model.safetensors")));
        assertTrue(s.variables.containsKey("model"));
        ((SentenceTransformer) s.variables.get("model")).close();
    }

    @Test
    void theHubTokenIsInNoCellOutput() throws Exception {
        String token = "hf_NotebookCanary0123456789";
        RecordingSession s = new RecordingSession();
        List<String> args = flags("secret");
        args.addAll(List.of("--token", token));
        new TrainMagic().run(args, null, s);
        List<Object> outputs = new ArrayList<>(s.shown);
        s.updates.values().forEach(outputs::addAll);
        assertTrue(outputs.size() > 3, "the run showed its progress");
        for (Object o : outputs) {
            String text = o instanceof Html h ? h.html() : o instanceof Png p ? new String(p.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1)
                    : String.valueOf(o);
            assertFalse(text.contains(token), "a cell output holds the token: " + text);
        }
        ((SentenceTransformer) s.variables.get("model")).close();
        MagicException e = assertThrows(MagicException.class, () -> new TrainMagic().run(List.of("--token", token, "--lr", "-1"), null,
                new RecordingSession()));
        assertFalse(e.getMessage().contains(token), e.getMessage());
    }

    @Test
    void badFlagsAreOneLineErrors() {
        MagicException e = assertThrows(MagicException.class, () -> new TrainMagic().run(List.of("--nope"), null, new RecordingSession()));
        assertTrue(e.getMessage().startsWith("%st_train: Unknown option: '--nope'"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        MagicException bad = assertThrows(MagicException.class, () -> new TrainMagic().run(List.of("--epochs", "x"), null,
                new RecordingSession()));
        assertTrue(bad.getMessage().contains("--epochs"), bad.getMessage());
        MagicException missing = assertThrows(MagicException.class, () -> new TrainMagic().run(
                List.of("--trainer", "pair_score", "--data-path", tmp.resolve("none.csv").toString(), "--target-column", "score",
                        "--project-name", tmp.resolve("p").toString()), null, new RecordingSession()));
        assertTrue(missing.getMessage().startsWith("%st_train: ") && missing.getMessage().contains("none.csv"), missing.getMessage());
        MagicException name = assertThrows(MagicException.class, () -> new TrainMagic().run(List.of("--as", "1x"), null,
                new RecordingSession()));
        assertTrue(name.getMessage().contains("--as"), name.getMessage());
    }
}
