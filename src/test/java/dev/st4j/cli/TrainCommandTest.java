package dev.st4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.st4j.testing.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code st4j train} and {@code autotrain sentence-transformers}: a real run, and every bad input's one-line message. */
class TrainCommandTest {
    @TempDir
    Path tmp;

    private String[] args(String... extra) {
        List<String> a = new ArrayList<>(List.of("train", "--model", Shared.tinyModel("bert").toString(), "--data-path",
                Shared.data("stsb").toString(), "--trainer", "pair_score", "--target-column", "score", "--max-samples", "16",
                "--epochs", "1", "--batch-size", "8", "--max-seq-length", "64", "--project-name", tmp.resolve("run").toString()));
        a.addAll(Arrays.asList(extra));
        return a.toArray(String[]::new);
    }

    @Test
    void trainsFromFlagsAndFromAConfigFile() throws Exception {
        assertEquals(0, St4jCli.run(args()));
        assertTrue(Files.exists(tmp.resolve("run/model.safetensors")));
        Path cfg = tmp.resolve("p.yml");
        Files.writeString(cfg, "model: " + Shared.tinyModel("bert") + "\ndata_path: " + Shared.data("stsb") + "\n"
                + "trainer: pair_score\ntarget_column: score\nmax_samples: 8\nepochs: 1\nmax_seq_length: 64\nproject_name: " + tmp.resolve("cfg-run") + "\n");
        assertEquals(0, St4jCli.run("train", "--config", cfg.toString(), "--batch-size", "4"));
        assertTrue(Files.readString(tmp.resolve("cfg-run/training_params.json")).contains("\"batch_size\" : 4"));
    }

    @Test
    void autotrainRunsTheSeedsCommandLine() {
        String[] seed = {"sentence-transformers", "--train", "--model", Shared.tinyModel("bert").toString(),
            "--data-path", Shared.data("mrpc").toString(), "--trainer", "pair_class", "--sentence1-column", "sentence1",
            "--sentence2-column", "sentence2", "--target-column", "label", "--project-name", tmp.resolve("auto").toString(),
            "--epochs", "1", "--batch-size", "8", "--lr", "2e-5", "--max-samples", "16", "--max-seq-length", "64"};
        assertEquals(0, AutotrainCli.run(seed));
        assertTrue(Files.exists(tmp.resolve("auto/modules.json")));
    }

    @Test
    void everyBadInputGetsOneLine() throws Exception {
        CliErrors.assertOneLine("trainer: 'pairs' is not one of", args("--trainer", "pairs"));
        CliErrors.assertOneLine("lr: must be > 0", args("--lr", "0"));
        CliErrors.assertOneLine("mixed_precision: fp16 needs a GPU", args("--mixed-precision", "fp16"));
        CliErrors.assertOneLine("sentence3_column: is required", args("--trainer", "triplet"));
        List<String> noTarget = new ArrayList<>(Arrays.asList(args()));
        int i = noTarget.indexOf("--target-column");
        noTarget.remove(i + 1);
        noTarget.remove(i);
        CliErrors.assertOneLine("target_column: is required", noTarget.toArray(String[]::new));
        CliErrors.assertOneLine("'premise' (--sentence1-column) not found; the file has columns: sentence1, sentence2, score",
                args("--sentence1-column", "premise"));
        Files.createDirectories(tmp.resolve("busy"));
        Files.writeString(tmp.resolve("busy/x.txt"), "x");
        CliErrors.assertOneLine("project_name:", args("--project-name", tmp.resolve("busy").toString()));
        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, "sentence1,sentence2,score\na,b,1\nc,,2\ne,f,x\n");
        CliErrors.assertOneLine("2 invalid row(s): empty 'sentence2' in row 2; non-numeric 'score' in row 3", args("--data-path", bad.toString()));
        CliErrors.assertOneLine("unknown parameter 'learning_rate'", configWith("learning_rate: 0.1\n"));
        CliErrors.assertOneLine("--data-path", args("--data-path", tmp.resolve("nothing").toString()));
        CliErrors.assertOneLine("max_seq_length: 128 exceeds this model's limit of 64 tokens", args("--max-seq-length", "128"));
    }

    private String[] configWith(String yaml) throws Exception {
        Path cfg = tmp.resolve("bad.yml");
        Files.writeString(cfg, yaml);
        return new String[] {"train", "--config", cfg.toString()};
    }
}
