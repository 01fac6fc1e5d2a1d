package dev.st4j.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.st4j.kind.TrainerKind;
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
        assertNull(p.maxSeqLength(), "the model's own length unless set");
        assertEquals(8, p.batchSize());
        assertEquals(0.1, p.warmupRatio());
        assertEquals(1, p.gradientAccumulation());
        assertEquals(Optimizer.ADAMW_TORCH, p.optimizer());
        assertEquals(Scheduler.LINEAR, p.scheduler());
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
        assertEquals(EvalStrategy.EPOCH, p.evalStrategy());
        assertNull(p.username());
        assertEquals(Tracker.NONE, p.log());
        assertEquals(5, p.earlyStoppingPatience());
        assertEquals(0.01, p.earlyStoppingThreshold());
        assertEquals(TrainerKind.PAIR_SCORE, p.trainer());
        assertEquals(DeviceChoice.AUTO, p.device());
        assertFalse(p.skipInvalidRows());
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
        assertEquals(TrainerKind.PAIR_CLASS, p.trainer());
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
        assertInvalid(ok.toBuilder().targetColumn(null).build(), "target_column: is required for the pair_score trainer");
        assertInvalid(ok.toBuilder().trainer("pair_class").targetColumn(null).build(), "target_column:");
        assertInvalid(ok.toBuilder().trainer("triplet").build(), "sentence3_column: is required");
        assertInvalid(ok.toBuilder().lr(0).build(), "lr: must be > 0");
        assertInvalid(ok.toBuilder().lr(-1e-5).build(), "lr: must be > 0");
        assertInvalid(ok.toBuilder().mixedPrecision("fp16").build(), "mixed_precision: fp16 needs a GPU");
        assertInvalid(ok.toBuilder().mixedPrecision("bf16").build(), "mixed_precision: bf16 is not available");
        assertInvalid(ok.toBuilder().projectName(dir.resolve("busy").toString()).build(), "project_name:");
        assertInvalid(ok.toBuilder().pushToHub(true).build(), "username:");
        assertInvalid(ok.toBuilder().batchSize(0).build(), "batch_size:");
    }

    @Test
    void modesAreParsedByTheirAutoTrainNamesAndABadNameIsOneLine() throws IOException {
        SentenceTransformersParams p = ParamsIo.parse("scheduler: cosine\nlog: tensorboard\nmixed_precision: none\ndevice: cpu\n"
                + "optimizer: adamw_hf\neval_strategy: steps\ntrainer: qa\n", "cfg.yml");
        assertEquals(Scheduler.COSINE, p.scheduler());
        assertEquals(Tracker.TENSORBOARD, p.log());
        assertEquals(MixedPrecision.NO, p.mixedPrecision(), "AutoTrain's 'none' reads as no");
        assertEquals(DeviceChoice.CPU, p.device());
        assertEquals(Optimizer.ADAMW_HF, p.optimizer());
        assertEquals(EvalStrategy.STEPS, p.evalStrategy());
        assertEquals(TrainerKind.QA, p.trainer());
        assertTrue(ParamsIo.toJson(p).contains("\"scheduler\" : \"cosine\""), ParamsIo.toJson(p));
        assertOneLineParse("trainer: 'pairs' is not one of pair, pair_class, pair_score, triplet, qa",
                () -> SentenceTransformersParams.builder().trainer("pairs"));
        assertOneLineParse("scheduler: 'onecycle' is not one of linear, cosine, constant, constant_with_warmup, polynomial",
                () -> SentenceTransformersParams.builder().scheduler("onecycle"));
        assertOneLineParse("eval_strategy: 'sometimes' is not one of epoch, steps, no",
                () -> SentenceTransformersParams.builder().evalStrategy("sometimes"));
        assertOneLineParse("lr: 'fast' is not a number", () -> Params.LR.parse("fast"));
        assertOneLineParse("push_to_hub: 'yes' is not true or false", () -> Params.PUSH_TO_HUB.parse("yes"));
        IOException e = assertThrows(IOException.class, () -> ParamsIo.parse("log: syslog\n", "cfg.yml"));
        assertEquals("cfg.yml: parameter 'log' has value 'syslog': 'syslog' is not one of none, tensorboard, mlflow, wandb", e.getMessage());
        IOException n = assertThrows(IOException.class, () -> ParamsIo.parse("epochs: null\n", "cfg.yml"));
        assertTrue(n.getMessage().contains("'epochs'") && n.getMessage().contains("must not be null"), n.getMessage());
        IOException f = assertThrows(IOException.class, () -> ParamsIo.parse("epochs: 1.5\n", "cfg.yml"));
        assertTrue(f.getMessage().contains("is not an integer"), f.getMessage());
    }

    @Test
    void everyParameterHasOneDescriptorWithAUniqueNameAndFlagAndAValidDefault() {
        java.util.Set<String> names = new java.util.HashSet<>();
        java.util.Set<String> flags = new java.util.HashSet<>();
        for (Param<?> param : Params.ALL) {
            assertTrue(names.add(param.name()), "duplicate name " + param.name());
            assertTrue(flags.add(param.flag()), "duplicate flag " + param.flag());
            assertTrue(param.name().matches("[a-z0-9_]+"), param.name());
            assertEquals(param, Params.byName(param.name()).orElseThrow());
            assertDefaultIsValid(param);
        }
        assertEquals(45, Params.ALL.size());
        for (java.lang.reflect.Field f : Params.class.getDeclaredFields()) {
            if (f.getType() == Param.class) {
                assertTrue(Params.ALL.contains(readStatic(f)), f.getName() + " is declared but missing from Params.ALL");
            }
        }
    }

    private static Object readStatic(java.lang.reflect.Field f) {
        try {
            return f.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    private static <T> void assertDefaultIsValid(Param<T> param) {
        if (param.defaultValue() != null) {
            assertNull(param.problem(param.defaultValue()), param.name() + "'s default fails its own check");
            assertEquals(param.defaultValue(), param.parse(param.print(param.defaultValue())), param.name() + " round trip");
        }
    }

    private static void assertOneLineParse(String message, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(message, e.getMessage());
    }

    private static void assertInvalid(SentenceTransformersParams p, String start) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParamsValidator.validate(p, () -> false));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }
}
