package dev.st4j.bench;

import dev.st4j.params.SentenceTransformersParams;
import dev.st4j.trainer.StepLog;
import dev.st4j.trainer.Trainer;
import dev.st4j.trainer.TrainingListener;
import dev.st4j.trainer.TrainingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Times a short training run (no evaluation) and reports its training throughput, overall and once warmed up. */
public final class TrainingBenchmark {
    /** Steps left out of the steady-state figure: the JVM's and the allocator's warm-up. */
    public static final int WARM_UP_STEPS = 10;

    private TrainingBenchmark() {}

    /**
     * One measurement: pairs/s over the whole loop and over steps {@code WARM_UP_STEPS + 1 .. steps}
     * (null when the run is not longer than the warm-up).
     */
    public record Result(String name, int steps, int batchSize, Integer maxSeqLength, double seconds, double pairsPerSecond,
            Double steadyPairsPerSecond) {}

    /**
     * Trains {@code steps} optimizer steps of {@code base} (data, trainer, columns) at {@code batchSize}
     * into a temporary project folder and reports pairs/s over the loop (model loading excluded).
     */
    public static Result run(String name, SentenceTransformersParams base, int batchSize, int steps) throws IOException {
        Path project = Files.createTempDirectory("st4j-bench-");
        SentenceTransformersParams p = base.toBuilder().batchSize(batchSize).maxSamples(batchSize * steps).epochs(1)
                .evalStrategy("no").validSplit(null).loggingSteps(1).projectName(project.resolve("run").toString()).build();
        List<Long> stepEnds = new ArrayList<>();
        TrainingListener clock = new TrainingListener() {
            @Override
            public void onLog(StepLog log) {
                stepEnds.add(System.nanoTime());
            }
        };
        try {
            TrainingResult r = new Trainer(p, List.of(clock)).train();
            Double steady = stepEnds.size() > WARM_UP_STEPS
                    ? batchSize * (stepEnds.size() - WARM_UP_STEPS) * 1e9 / (stepEnds.get(stepEnds.size() - 1) - stepEnds.get(WARM_UP_STEPS - 1))
                    : null;
            return new Result(name, r.steps(), batchSize, p.maxSeqLength(), r.seconds(), r.examplesPerSecond(), steady);
        } finally {
            dev.st4j.io.AtomicFiles.deleteTree(project);
        }
    }
}
