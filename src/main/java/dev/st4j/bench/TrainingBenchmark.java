package dev.st4j.bench;

import dev.st4j.params.SentenceTransformersParams;
import dev.st4j.trainer.Trainer;
import dev.st4j.trainer.TrainingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Times a short training run (no evaluation) and reports its training throughput. */
public final class TrainingBenchmark {
    private TrainingBenchmark() {}

    /** One measurement. */
    public record Result(String name, int steps, int batchSize, Integer maxSeqLength, double seconds, double pairsPerSecond) {}

    /**
     * Trains {@code steps} optimizer steps of {@code base} (data, trainer, columns) at {@code batchSize}
     * into a temporary project folder and reports pairs/s over the loop (model loading excluded).
     */
    public static Result run(String name, SentenceTransformersParams base, int batchSize, int steps) throws IOException {
        Path project = Files.createTempDirectory("st4j-bench-");
        SentenceTransformersParams p = base.toBuilder().batchSize(batchSize).maxSamples(batchSize * steps).epochs(1)
                .evalStrategy("no").validSplit(null).loggingSteps(steps).projectName(project.resolve("run").toString()).build();
        try {
            TrainingResult r = new Trainer(p, List.of()).train();
            return new Result(name, r.steps(), batchSize, p.maxSeqLength(), r.seconds(), r.examplesPerSecond());
        } finally {
            dev.st4j.io.AtomicFiles.deleteTree(project);
        }
    }
}
