package dev.st4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.st4j.params.SentenceTransformersParams;
import dev.st4j.testing.Shared;
import org.junit.jupiter.api.Test;

/** The training benchmark runs exactly the steps asked for and reports a throughput. */
class TrainingBenchmarkTest {

    @Test
    void timesTheRequestedSteps() throws Exception {
        SentenceTransformersParams base = SentenceTransformersParams.builder().model(Shared.tinyModel("bert").toString())
                .dataPath(Shared.data("stsb").toString()).trainer("pair_score").targetColumn("score").maxSeqLength(32).build();
        TrainingBenchmark.Result r = TrainingBenchmark.run("tiny", base, 4, 3);
        assertEquals(3, r.steps());
        assertEquals(4, r.batchSize());
        assertTrue(r.pairsPerSecond() > 0 && r.seconds() > 0, r.toString());
    }
}
