package dev.st4j.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Defaults exactly as AutoTrain's reference page, JSON/YAML round trips, and one-line validation errors. */
class SentenceTransformersParamsTest {
    @TempDir
    Path dir;

    @Test
    void defaultsAreAutoTrains() {
        SentenceTransformersParams p = SentenceTransformersParams.builder().build();
        assertEquals("microsoft/mpnet-base", p.model());
        assertEquals(3e-5, p.lr());
        assertEquals(3, p.epochs());
        assertEquals(128, p.maxSeqLength());
        assertEquals(8, p.batchSize());
        assertEquals(0.1, p.warmupRatio());
        assertEquals(1, p.gradientAccumulation());
        assertEquals("adamw_torch", p.optimizer());
        assertEquals("linear", p.scheduler());
        assertEquals(0.0, p.weightDecay());
        assertEquals(1.0, p.maxGradNorm());
        assertEquals(42, p.seed());
        assertEquals("train", p.trainSplit());
        assertNull(p.validSplit());
        assertEquals(-1, p.loggingSteps());
        assertEquals("project-name", p.projectName());
        assertFalse(p.autoFindBatchSize());
        assertNull(p.mixedPrecision());
        assertEquals(1, p.saveTotalLimit());
        assertNull(p.token());
        assertFalse(p.pushToHub());
        assertEquals("epoch", p.evalStrategy());
        assertNull(p.username());
        assertEquals("none", p.log());
        assertEquals(5, p.earlyStoppingPatience());
        assertEquals(0.01, p.earlyStoppingThreshold());
        assertEquals("pair_score", p.trainer());
        assertEquals("sentence1", p.sentence1Column());
        assertEquals("sentence2", p.sentence2Column());
        assertNull(p.sentence3Column());
        assertNull(p.targetColumn());
        assertNull(p.maxSamples());
    }

    @Test
    void yamlAndJsonRoundTripKeepingDefaultsForMissingKeys() throws IOException {
        Path yml = dir.resolve("p.yml");
        Files.writeString(yml, "data_path: data/stsb\ntrainer: pair_class\nlr: 2.0e-5\ntarget_column: label\nmax_samples: 100\n");
        SentenceTransformersParams p = ParamsIo.read(yml);
        assertEquals("pair_class", p.trainer());
        assertEquals(2e-5, p.lr());
        assertEquals(100, p.maxSamples());
        assertEquals(8, p.batchSize(), "missing keys keep their defaults");
        assertEquals(p, ParamsIo.parse(ParamsIo.toJson(p), "json"));
        assertEquals(p, ParamsIo.parse(ParamsIo.toYaml(p), "yaml"));
    }

    @Test
    void unknownKeyAndWrongTypeAreNamed() {
        IOException e = assertThrows(IOException.class, () -> ParamsIo.parse("{\"learning_rate\": 1}", "cfg.json"));
        assertEquals("cfg.json: unknown parameter 'learning_rate'", e.getMessage());
        IOException t = assertThrows(IOException.class, () -> ParamsIo.parse("epochs: many\n", "cfg.yml"));
        assertTrue(t.getMessage().contains("'epochs'") && t.getMessage().contains("many"), t.getMessage());
    }

    @Test
    void tokenNeverReachesFilesOrStrings() throws IOException {
        SentenceTransformersParams p = SentenceTransformersParams.builder().token("hf_SECRET").build();
        ParamsIo.writeJson(dir.resolve("training_params.json"), p);
        assertFalse(Files.readString(dir.resolve("training_params.json")).contains("hf_SECRET"));
        assertFalse(p.toString().contains("hf_SECRET"));
    }

    @Test
    void invalidSettingsFailInOneLineNamingTheParameter() throws IOException {
        Files.createDirectories(dir.resolve("busy"));
        Files.writeString(dir.resolve("busy/notes.txt"), "mine");
        SentenceTransformersParams ok = SentenceTransformersParams.builder().dataPath("d").targetColumn("score")
                .projectName(dir.resolve("out").toString()).build();
        ParamsValidator.validate(ok, () -> false);
        assertInvalid(ok.toBuilder().trainer("pairs").build(), "trainer: 'pairs' is not one of");
        assertInvalid(ok.toBuilder().targetColumn(null).build(), "target_column: is required for the pair_score trainer");
        assertInvalid(ok.toBuilder().trainer("pair_class").targetColumn(null).build(), "target_column:");
        assertInvalid(ok.toBuilder().trainer("triplet").build(), "sentence3_column: is required");
        assertInvalid(ok.toBuilder().lr(0).build(), "lr: must be > 0");
        assertInvalid(ok.toBuilder().lr(-1e-5).build(), "lr: must be > 0");
        assertInvalid(ok.toBuilder().mixedPrecision("fp16").build(), "mixed_precision: fp16 needs a GPU");
        assertInvalid(ok.toBuilder().mixedPrecision("bf16").build(), "mixed_precision: bf16 needs a GPU");
        assertInvalid(ok.toBuilder().projectName(dir.resolve("busy").toString()).build(), "project_name:");
        assertInvalid(ok.toBuilder().scheduler("onecycle").build(), "scheduler:");
        assertInvalid(ok.toBuilder().evalStrategy("sometimes").build(), "eval_strategy:");
        assertInvalid(ok.toBuilder().pushToHub(true).build(), "username:");
        assertInvalid(ok.toBuilder().batchSize(0).build(), "batch_size:");
    }

    private static void assertInvalid(SentenceTransformersParams p, String start) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParamsValidator.validate(p, () -> false));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }
}
