package dev.st4j.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.st4j.model.SentenceTransformer;
import dev.st4j.params.SentenceTransformersParams;
import dev.st4j.testing.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole training runs on the tiny BERT fixture and small slices of the shared data, one per trainer. */
class TrainerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private SentenceTransformersParams.Builder base(String project) {
        return SentenceTransformersParams.builder().model(Shared.tinyModel("bert").toString())
                .projectName(tmp.resolve(project).toString()).epochs(1).batchSize(8).maxSamples(32).maxSeqLength(32)
                .lr(1e-3).token("hf_NOT_TO_BE_WRITTEN");
    }

    private SentenceTransformersParams.Builder forKind(String kind, String project) {
        SentenceTransformersParams.Builder b = base(project).trainer(kind);
        return switch (kind) {
            case "pair_score" -> b.dataPath(Shared.data("stsb").toString()).targetColumn("score").validSplit("validation");
            case "pair_class" -> b.dataPath(Shared.data("mrpc").toString()).targetColumn("label").validSplit("validation");
            case "triplet" -> b.dataPath(Shared.data("nli-triplets").toString()).trainSplit("validation")
                    .validSplit("validation").sentence3Column("negative");
            case "pair" -> b.dataPath(Shared.data("nli-triplets").toString()).trainSplit("validation").validSplit("validation");
            case "qa" -> b.dataPath(Shared.data("scifact").toString()).validSplit("train");
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @Test
    void everyTrainerTrainsEndToEndAndWritesItsProject() throws Exception {
        for (String kind : List.of("pair_score", "pair_class", "triplet", "pair", "qa")) {
            SentenceTransformersParams p = forKind(kind, kind).build();
            List<EvaluationLog> evals = new ArrayList<>();
            TrainingResult r = new Trainer(p, List.of(new JsonlLog(Path.of(p.projectName())), new TrainingListener() {
                @Override
                public void onEvaluation(EvaluationLog log) {
                    evals.add(log);
                }
            })).train();
            Path project = Path.of(p.projectName());
            assertEquals(4, r.steps(), kind + ": 32 examples / batch 8");
            assertFalse(evals.isEmpty(), kind + " evaluated");
            assertTrue(Double.isFinite(evals.get(0).primary()), kind);
            try (SentenceTransformer st = SentenceTransformer.load(project)) {
                assertEquals(32, st.encode("a sentence").length);
                assertEquals(32, st.maxSeqLength());
            }
            String params = Files.readString(project.resolve("training_params.json"));
            assertFalse(params.contains("hf_NOT_TO_BE_WRITTEN"), "token in training_params.json");
            assertEquals(kind, JSON.readTree(params).get("trainer").asText());
            List<String> log = Files.readAllLines(project.resolve("training_log.jsonl"));
            assertEquals("plan", JSON.readTree(log.get(0)).get("event").asText());
            assertTrue(log.stream().anyMatch(l -> l.contains("\"event\":\"train\"")), kind + " logged a step");
            assertTrue(log.stream().anyMatch(l -> l.contains("\"event\":\"eval\"")), kind + " logged an evaluation");
            String card = Files.readString(project.resolve("README.md"));
            assertTrue(card.contains(kind) && card.contains("Loss"), card);
            try (var files = Files.walk(project)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertFalse(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1)
                            .contains("hf_NOT_TO_BE_WRITTEN"), f + " holds the token");
                }
            }
        }
    }

    @Test
    void withoutMaxSeqLengthTheModelKeepsItsOwn() throws Exception {
        SentenceTransformersParams p = forKind("pair_score", "own-length").maxSeqLength(null).evalStrategy("no").build();
        new Trainer(p, List.of()).train();
        try (SentenceTransformer st = SentenceTransformer.load(Path.of(p.projectName()))) {
            assertEquals(64, st.maxSeqLength(), "the fixture's tokenizer model_max_length within its 64 positions");
        }
        assertTrue(Files.readString(Path.of(p.projectName()).resolve("training_params.json")).contains("\"max_seq_length\" : null"));
    }

    @Test
    void sameSeedRepeatsBitForBit() throws Exception {
        byte[][] weights = new byte[2][];
        for (int i = 0; i < 2; i++) {
            SentenceTransformersParams p = forKind("pair_score", "seed" + i).evalStrategy("no").build();
            new Trainer(p, List.of()).train();
            weights[i] = Files.readAllBytes(Path.of(p.projectName()).resolve("model.safetensors"));
        }
        assertArrayEquals(weights[0], weights[1]);
        SentenceTransformersParams other = forKind("pair_score", "seed-other").evalStrategy("no").seed(7).build();
        new Trainer(other, List.of()).train();
        assertFalse(java.util.Arrays.equals(weights[0], Files.readAllBytes(Path.of(other.projectName()).resolve("model.safetensors"))));
    }

    @Test
    void lossFallsWhenOverfittingASmallSet() throws Exception {
        List<StepLog> logs = new ArrayList<>();
        SentenceTransformersParams p = forKind("pair_score", "overfit").maxSamples(8).batchSize(8).epochs(80).lr(1e-3)
                .loggingSteps(1).evalStrategy("no").warmupRatio(0).scheduler("constant").build();
        new Trainer(p, List.of(new TrainingListener() {
            @Override
            public void onLog(StepLog log) {
                logs.add(log);
            }
        })).train();
        List<Double> losses = logs.stream().map(StepLog::loss).toList();
        double first = median(losses.subList(0, 5));
        double last = median(losses.subList(losses.size() - 5, losses.size()));
        assertTrue(last < first * 0.8, "median loss of the first five steps " + first + ", of the last five " + last + ": " + losses);
    }

    private static double median(List<Double> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    @Test
    void fp16TrainsFloat32MasterWeightsWithADynamicLossScale() throws Exception {
        List<StepLog> logs = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        SentenceTransformersParams p = forKind("pair_score", "fp16").mixedPrecision("fp16").evalStrategy("no").loggingSteps(1).build();
        TrainingResult result = new Trainer(p, List.of(new TrainingListener() {
            @Override
            public void onLog(StepLog log) {
                logs.add(log);
            }

            @Override
            public void onMessage(String message) {
                messages.add(message);
            }
        }), () -> true).train();
        assertEquals(4, result.steps());
        assertTrue(logs.stream().allMatch(l -> Double.isFinite(l.loss())), "fp16 losses are finite: " + logs);
        assertTrue(messages.stream().noneMatch(m -> m.contains("update skipped")), "the tiny model's gradients fit at 2^16: " + messages);
        JsonNode header = safetensorsHeader(Path.of(p.projectName()).resolve("model.safetensors"));
        header.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("__metadata__")) {
                assertEquals("F32", e.getValue().get("dtype").asText(), e.getKey() + " is saved from the float32 master weights");
            }
        });
        byte[] before = Files.readAllBytes(Shared.tinyModel("bert").resolve("model.safetensors"));
        assertFalse(java.util.Arrays.equals(before, Files.readAllBytes(Path.of(p.projectName()).resolve("model.safetensors"))));
    }

    @Test
    void noDuplicatesBatchesTrainTheInBatchNegativeTrainersAndAreRefusedForTheOthers() throws Exception {
        for (String kind : List.of("qa", "triplet")) {
            SentenceTransformersParams p = forKind(kind, "nodup-" + kind).batchSampler("no_duplicates").evalStrategy("no").build();
            TrainingResult r = new Trainer(p, List.of()).train();
            assertEquals(4, r.steps(), kind + ": the planned steps, however many batches the sampler makes");
            assertTrue(r.examplesSeen() > 24 && r.examplesSeen() <= 32, kind + ": " + r.examplesSeen());
        }
        SentenceTransformersParams scored = forKind("pair_score", "nodup-score").batchSampler("no_duplicates").build();
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Trainer(scored, List.of()).train());
        assertTrue(e.getMessage().startsWith("batch_sampler: no_duplicates is for the pair, qa and triplet trainers"), e.getMessage());
    }

    @Test
    void tripletsCanBeValidatedByRetrievalOnBeirFiles() throws Exception {
        List<EvaluationLog> evals = new ArrayList<>();
        SentenceTransformersParams p = forKind("triplet", "triplet-beir").validSplit(null)
                .corpusPath(Shared.data("scifact/corpus.csv").toString()).queriesPath(Shared.data("scifact/queries.csv").toString())
                .qrelsPath(Shared.data("scifact/qrels.csv").toString()).evalStrategy("epoch").build();
        new Trainer(p, List.of(new TrainingListener() {
            @Override
            public void onEvaluation(EvaluationLog log) {
                evals.add(log);
            }
        })).train();
        assertEquals("cosine_ndcg@10", evals.get(0).primaryMetric());
        assertTrue(evals.get(0).metrics().get("cosine_ndcg@10") > 0, evals.get(0).metrics().toString());
    }

    @Test
    void anInterruptDuringEvaluationOrASaveEndsTheRunWithAUsableModel() throws Exception {
        for (String when : List.of("evaluation", "checkpoint")) {
            SentenceTransformersParams p = forKind("pair_score", "interrupt-" + when).loggingSteps(1).evalStrategy("steps").build();
            TrainingResult r = new Trainer(p, List.of(new TrainingListener() {
                @Override
                public void onEvaluation(EvaluationLog log) {
                    if (when.equals("evaluation") && log.step() == 2) {
                        Thread.currentThread().interrupt();
                    }
                }

                @Override
                public void onCheckpoint(Path dir) {
                    if (when.equals("checkpoint") && dir.endsWith("checkpoint-2")) {
                        Thread.currentThread().interrupt();
                    }
                }
            })).train();
            assertTrue(r.interrupted(), when);
            assertEquals(2, r.steps(), when + ": stopped before the next step");
            assertTrue(Files.exists(Path.of(p.projectName()).resolve("checkpoint-2/training_state.json")), when + ": the checkpoint is whole");
            try (SentenceTransformer m = SentenceTransformer.load(Path.of(p.projectName()))) {
                assertEquals(32, m.encode("still usable").length, when);
            }
            assertFalse(Thread.interrupted(), "the flag was taken by the run");
        }
    }

    @Test
    void interruptsFiringAllTheTimeStopTheRunWithoutBreakingAnyWrite() throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            SentenceTransformersParams p = forKind("pair_score", "storm-" + attempt).maxSamples(64).epochs(5).loggingSteps(1)
                    .evalStrategy("no").saveSteps(1).build();
            Thread trainer = Thread.currentThread();
            java.util.concurrent.atomic.AtomicBoolean storm = new java.util.concurrent.atomic.AtomicBoolean(true);
            Thread interrupter = new Thread(() -> {
                while (storm.get()) {
                    trainer.interrupt();
                    Thread.onSpinWait();
                }
            });
            TrainingResult r;
            try {
                r = new Trainer(p, List.of(new JsonlLog(Path.of(p.projectName())), new TrainingListener() {
                    @Override
                    public void onLog(StepLog log) {
                        if (log.step() == 2 && !interrupter.isAlive()) {
                            interrupter.start(); // from here on, interrupts land in saves, log appends, anywhere
                        }
                    }
                })).train();
            } finally {
                storm.set(false);
                while (interrupter.isAlive()) {
                    try {
                        interrupter.join();
                    } catch (InterruptedException stormsLast) {
                        // the storm's last interrupts land here
                    }
                }
                Thread.interrupted();
            }
            assertTrue(r.interrupted(), "the run stopped on the interrupt");
            try (SentenceTransformer m = SentenceTransformer.load(Path.of(p.projectName()))) {
                assertEquals(32, m.encode("still usable").length);
            }
            assertTrue(Files.readString(Path.of(p.projectName()).resolve("training_log.jsonl")).contains("\"event\":\"end\""));
        }
    }

    @Test
    void cachedMnrlTrainsTheInBatchNegativeTrainersAlsoUnderMatryoshkaAndIsRefusedForTheOthers() throws Exception {
        for (String kind : List.of("qa", "triplet")) {
            SentenceTransformersParams p = forKind(kind, "cached-" + kind).loss("cached_mnrl").miniBatchSize(3).evalStrategy("no")
                    .matryoshkaDims(kind.equals("qa") ? "32,16" : null).build();
            TrainingResult r = new Trainer(p, List.of()).train();
            assertEquals(4, r.steps(), kind);
            assertTrue(Double.isFinite(r.meanLoss()) && r.meanLoss() > 0, kind + ": " + r.meanLoss());
            assertTrue(Files.readString(Path.of(p.projectName()).resolve("README.md")).contains("CachedMultipleNegativesRankingLoss"));
            byte[] before = Files.readAllBytes(Shared.tinyModel("bert").resolve("model.safetensors"));
            assertFalse(java.util.Arrays.equals(before, Files.readAllBytes(Path.of(p.projectName()).resolve("model.safetensors"))));
        }
        SentenceTransformersParams scored = forKind("pair_score", "cached-score").loss("cached_mnrl").build();
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Trainer(scored, List.of()).train());
        assertTrue(e.getMessage().startsWith("loss: cached_mnrl is for the pair, qa and triplet trainers"), e.getMessage());
    }

    @Test
    void matryoshkaValidatesAtEachWidthAndIsRefusedWhereItCannotWork() throws Exception {
        List<EvaluationLog> evals = new ArrayList<>();
        SentenceTransformersParams p = forKind("pair_score", "matryoshka").matryoshkaDims("8,32,16").build();
        new Trainer(p, List.of(new TrainingListener() {
            @Override
            public void onEvaluation(EvaluationLog log) {
                evals.add(log);
            }
        })).train();
        assertEquals("dim_32_spearman_cosine", evals.get(0).primaryMetric());
        for (int d : new int[] {32, 16, 8}) {
            assertTrue(evals.get(0).metrics().containsKey("dim_" + d + "_spearman_cosine"), evals.get(0).metrics().keySet().toString());
        }
        assertTrue(Files.readString(Path.of(p.projectName()).resolve("README.md")).contains("MatryoshkaLoss"));
        for (var bad : List.of(forKind("pair_class", "m1").matryoshkaDims("16"), forKind("pair_score", "m2").matryoshkaDims("64,16"),
                forKind("pair_score", "m3").matryoshkaDims("16,x"))) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> new Trainer(bad.build(), List.of()).train());
            assertTrue(e.getMessage().startsWith("matryoshka_dims: "), e.getMessage());
        }
    }

    @Test
    void promptsGoBeforeTheTextsOfTheirColumns() throws Exception {
        byte[] plain = trainedWeights(forKind("pair_score", "p0").evalStrategy("no").build());
        byte[] one = trainedWeights(forKind("pair_score", "p1").evalStrategy("no").prompts("query: ").build());
        byte[] map = trainedWeights(forKind("pair_score", "p2").evalStrategy("no")
                .prompts("{\"sentence1\": \"query: \", \"sentence2\": \"query: \"}").build());
        byte[] first = trainedWeights(forKind("pair_score", "p3").evalStrategy("no").prompts("{\"sentence1\": \"query: \"}").build());
        assertFalse(java.util.Arrays.equals(plain, one), "a prompt changes what is trained on");
        assertArrayEquals(one, map, "one prompt for all columns = the same prompt for each");
        assertFalse(java.util.Arrays.equals(one, first), "a column without a prompt");
        for (String bad : List.of("{\"nope\": \"q: \"}", "{\"sentence1\": 3}", "{oops")) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> new Trainer(forKind("pair_score", "pbad").evalStrategy("no").prompts(bad).build(), List.of()).train());
            assertTrue(e.getMessage().startsWith("prompts: "), e.getMessage());
        }
    }

    private static byte[] trainedWeights(SentenceTransformersParams p) throws Exception {
        new Trainer(p, List.of()).train();
        return Files.readAllBytes(Path.of(p.projectName()).resolve("model.safetensors"));
    }

    @Test
    void anInterruptStopsTheLoopEvenWhenAListenerClearsTheFlag() throws Exception {
        TrainingListener interruptsAtStepTwo = new TrainingListener() {
            @Override
            public void onLog(StepLog log) {
                if (log.step() == 2) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        TrainingListener clearsTheFlag = new TrainingListener() {
            @Override
            public void onLog(StepLog log) {
                Thread.interrupted();
            }
        };
        SentenceTransformersParams p = forKind("pair_score", "interrupt-cleared").maxSamples(64).epochs(3).loggingSteps(1)
                .evalStrategy("no").build();
        TrainingResult r = new Trainer(p, List.of(interruptsAtStepTwo, clearsTheFlag)).train();
        assertTrue(r.interrupted());
        assertEquals(2, r.steps(), "stopped at the check after step 2, though a later listener cleared the flag");
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void bf16IsRefusedWithItsReasonEvenWithAGpu() {
        SentenceTransformersParams p = forKind("pair_score", "bf16").mixedPrecision("bf16").build();
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Trainer(p, List.of(), () -> true).train());
        assertTrue(e.getMessage().startsWith("mixed_precision: bf16 is not available"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    private static JsonNode safetensorsHeader(Path file) throws java.io.IOException {
        byte[] bytes = Files.readAllBytes(file);
        long length = java.nio.ByteBuffer.wrap(bytes, 0, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        return JSON.readTree(new String(bytes, 8, (int) length, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void gradientAccumulationHalvesTheSteps() throws Exception {
        SentenceTransformersParams p = forKind("pair_score", "accumulate").gradientAccumulation(2).evalStrategy("no").build();
        assertEquals(2, new Trainer(p, List.of()).train().steps());
    }

    @Test
    void accumulationThatDoesNotDivideTheBatchesStepsOnEachEpochsRemainderAndComputesNothingAfterTheLastStep() throws Exception {
        SentenceTransformersParams p = forKind("pair_score", "remainder").maxSamples(40).epochs(2).gradientAccumulation(2)
                .loggingSteps(1).evalStrategy("no").build();
        List<StepLog> logs = new ArrayList<>();
        List<TrainingPlan> plans = new ArrayList<>();
        TrainingResult r = new Trainer(p, List.of(new TrainingListener() {
            @Override
            public void onTrainBegin(TrainingPlan plan) {
                plans.add(plan);
            }

            @Override
            public void onLog(StepLog log) {
                logs.add(log);
            }
        })).train();
        assertEquals(3, plans.get(0).stepsPerEpoch(), "5 batches per epoch in steps of 2: 2, 2, then the remaining 1");
        assertEquals(6, plans.get(0).totalSteps());
        assertEquals(6, r.steps());
        assertEquals(80, r.examplesSeen(), "every batch of both epochs is used, none computed and thrown away");
        assertEquals(List.of(1, 2, 3, 4, 5, 6), logs.stream().map(StepLog::step).toList());
        assertEquals(1.0, logs.get(2).epoch(), 1e-12, "the third step ends the first epoch");
    }

    @Test
    void earlyStoppingAndCheckpointLimit() throws Exception {
        SentenceTransformersParams p = forKind("pair_score", "early").maxSamples(64).evalStrategy("steps").loggingSteps(1)
                .earlyStoppingPatience(2).earlyStoppingThreshold(10.0).saveTotalLimit(1).build();
        List<Path> checkpoints = new ArrayList<>();
        TrainingResult r = new Trainer(p, List.of(new TrainingListener() {
            @Override
            public void onCheckpoint(Path checkpoint) {
                checkpoints.add(checkpoint);
            }
        })).train();
        assertTrue(r.stoppedEarly());
        assertEquals(3, r.steps(), "first evaluation sets the best; two more without a 10.0 improvement stop it");
        assertEquals(3, checkpoints.size());
        assertNotNull(r.bestStep());
        assertEquals(new TreeSet<>(List.of("checkpoint-" + r.bestStep(), "checkpoint-3")), checkpointsIn(Path.of(p.projectName())),
                "save_total_limit 1 keeps the best and the latest");
        JsonNode state = JSON.readTree(checkpoints.get(2).resolve("trainer_state.json").toFile());
        assertEquals(3, state.get("global_step").asInt());
    }

    @Test
    void theFinalModelIsTheBestCheckpointsAndOnlyTheBestAndTheLatestAreKept() throws Exception {
        SentenceTransformersParams p = forKind("pair_score", "best").maxSamples(48).evalStrategy("steps").loggingSteps(1)
                .lr(5e-2).scheduler("constant").warmupRatio(0).earlyStoppingPatience(100).saveTotalLimit(1).build();
        TrainingResult r = new Trainer(p, List.of()).train();
        Path project = Path.of(p.projectName());
        assertEquals(6, r.steps(), "48 examples / batch 8");
        assertTrue(r.bestStep() < r.steps(), "at lr 5e-2 the tiny model's best evaluation comes early: step " + r.bestStep());
        String best = "checkpoint-" + r.bestStep();
        assertEquals(new TreeSet<>(Set.of(best, "checkpoint-6")), checkpointsIn(project));
        byte[] finalWeights = Files.readAllBytes(project.resolve("model.safetensors"));
        assertArrayEquals(Files.readAllBytes(project.resolve(best).resolve("model.safetensors")), finalWeights,
                "the project's model is the best checkpoint's");
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(project.resolve("checkpoint-6/model.safetensors")), finalWeights),
                "and not the last step's");
        JsonNode state = JSON.readTree(project.resolve("checkpoint-6/trainer_state.json").toFile());
        assertEquals(r.bestStep(), state.get("best_step").asInt());
        assertEquals(6, state.get("eval_history").size());
        assertEquals(r.bestMetrics().get("spearman_cosine"), state.get("best_metric").asDouble(), 0.0);
    }

    @Test
    void withoutValidationEachEpochEndsInACheckpointAndTheLimitKeepsTheLatest() throws Exception {
        SentenceTransformersParams p = forKind("pair_score", "epochs").evalStrategy("no").epochs(3).saveTotalLimit(2).build();
        TrainingResult r = new Trainer(p, List.of()).train();
        Path project = Path.of(p.projectName());
        assertEquals(12, r.steps());
        assertEquals(new TreeSet<>(Set.of("checkpoint-8", "checkpoint-12")), checkpointsIn(project));
        assertArrayEquals(Files.readAllBytes(project.resolve("checkpoint-12/model.safetensors")),
                Files.readAllBytes(project.resolve("model.safetensors")), "without validation the last weights are the model");
    }

    private static Set<String> checkpointsIn(Path project) throws java.io.IOException {
        try (var dirs = Files.list(project)) {
            return dirs.map(d -> d.getFileName().toString()).filter(n -> n.startsWith("checkpoint-"))
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void autoFindBatchSizeHalvesTheBatchAfterOutOfMemory() throws Exception {
        SentenceTransformersParams p = forKind("pair_score", "auto-batch").autoFindBatchSize(true).loggingSteps(1)
                .evalStrategy("no").build();
        List<Integer> batchSizes = new ArrayList<>();
        TrainingResult r = new Trainer(p, List.of(new TrainingListener() {
            @Override
            public void onTrainBegin(TrainingPlan plan) {
                batchSizes.add(plan.batchSize());
            }

            @Override
            public void onLog(StepLog log) {
                if (batchSizes.get(batchSizes.size() - 1) == 8) {
                    throw new ai.djl.engine.EngineException("[enforce fail at alloc_cpu.cpp:117] DefaultCPUAllocator: not enough memory: you tried to allocate 123 bytes. Out of memory");
                }
            }
        })).train();
        assertEquals(List.of(8, 4), batchSizes);
        assertEquals(8, r.steps(), "32 examples at batch 4");
        assertTrue(Files.readString(Path.of(p.projectName()).resolve("training_params.json")).contains("\"batch_size\" : 4"));
    }

    @Test
    void interruptStopsAtTheNextStepAndKeepsTheModel() throws Exception {
        SentenceTransformersParams p = forKind("pair_score", "interrupted").loggingSteps(1).evalStrategy("no").build();
        TrainingResult r = new Trainer(p, List.of(new TrainingListener() {
            @Override
            public void onLog(StepLog log) {
                if (log.step() == 2) {
                    Thread.currentThread().interrupt();
                }
            }
        })).train();
        Thread.interrupted();
        assertTrue(r.interrupted());
        assertEquals(2, r.steps());
        assertTrue(Files.exists(Path.of(p.projectName()).resolve("model.safetensors")));
    }
}
