package dev.st4j.params;

import dev.st4j.kind.LossFunction;
import dev.st4j.kind.TrainerKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Checks parameters before any work starts: each parameter's own check (from its descriptor in
 * {@link Params}), then the rules that tie parameters together. Each failure is one line that names
 * the parameter.
 */
public final class ParamsValidator {
    private ParamsValidator() {}

    /**
     * Validates {@code p}.
     *
     * @param gpuAvailable whether a GPU is there, for {@code mixed_precision} and {@code device}
     * @throws IllegalArgumentException with a one-line message naming the parameter
     */
    public static void validate(SentenceTransformersParams p, BooleanSupplier gpuAvailable) {
        for (Param<?> param : Params.ALL) {
            Object value = p.get(param);
            require(value != null || param.acceptsNull(), param.name(), "must be set");
            String problem = param.problem(value);
            require(problem == null, param.name(), problem);
        }
        MixedPrecision mp = p.mixedPrecision();
        require(mp != MixedPrecision.BF16, "mixed_precision", "bf16 is not available: DJL 0.35's PyTorch engine aborts the JVM when it "
                + "creates a bfloat16 array; use fp16 (float32 master weights, dynamic loss scaling)");
        if (mp != null && mp != MixedPrecision.NO) {
            require(p.device() != DeviceChoice.CPU && gpuAvailable.getAsBoolean(), "mixed_precision",
                    mp.id() + " needs a GPU, and none is available (leave mixed_precision unset on CPU)");
        }
        require(p.device() != DeviceChoice.GPU || gpuAvailable.getAsBoolean(), "device", "gpu was asked for, and none is available");
        TrainerKind kind = p.trainer();
        require(p.matryoshkaDims() == null || kind != TrainerKind.PAIR_CLASS, "matryoshka_dims",
                "MatryoshkaLoss cannot wrap pair_class's SoftmaxLoss (its classifier takes the full width)");
        require(p.batchSampler() != BatchSampling.NO_DUPLICATES || !kind.hasTarget(), "batch_sampler",
                "no_duplicates is for the pair, qa and triplet trainers (in-batch negatives), not " + kind);
        require(p.loss() != LossChoice.CACHED_MNRL || kind.loss() == LossFunction.MULTIPLE_NEGATIVES_RANKING, "loss",
                "cached_mnrl is for the pair, qa and triplet trainers (MultipleNegativesRankingLoss), not " + kind);
        if (kind.needsThirdColumn()) {
            require(p.sentence3Column() != null, "sentence3_column", "is required for the " + kind + " trainer (the negative column)");
        }
        if (kind.hasTarget()) {
            require(p.targetColumn() != null, "target_column", "is required for the " + kind + " trainer");
        }
        boolean beir = p.corpusPath() != null || p.queriesPath() != null || p.qrelsPath() != null;
        if (beir) {
            require(p.corpusPath() != null && p.queriesPath() != null && p.qrelsPath() != null, "corpus_path",
                    "retrieval validation needs corpus_path, queries_path and qrels_path together");
            require(kind.acceptsRetrievalFiles(), "corpus_path", "retrieval validation is for the pair, qa and triplet trainers");
        }
        if (p.pushToHub()) {
            require(p.username() != null && !p.username().isBlank(), "username", "is required with push_to_hub");
            require(p.token() != null && !p.token().isBlank(), "token", "is required with push_to_hub");
        }
        checkProjectFolder(Path.of(p.projectName()));
    }

    private static void checkProjectFolder(Path dir) {
        require(!Files.isRegularFile(dir), "project_name", dir + " is a file");
        if (Files.isDirectory(dir)) {
            boolean empty;
            try (Stream<Path> s = Files.list(dir)) {
                empty = s.findAny().isEmpty();
            } catch (IOException e) {
                throw new IllegalArgumentException("project_name: " + dir + " cannot be read (" + e.getMessage() + ")");
            }
            require(empty || Files.exists(dir.resolve("training_params.json")), "project_name",
                    dir + " is a non-empty folder that is not an st4j project; choose another name");
        }
    }

    private static void require(boolean ok, String name, String message) {
        if (!ok) {
            throw new IllegalArgumentException(name + ": " + message);
        }
    }
}
