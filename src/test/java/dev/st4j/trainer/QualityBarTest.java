package dev.st4j.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.st4j.params.SentenceTransformersParams;
import dev.st4j.task.SentenceTransformersTask;
import dev.st4j.testing.Shared;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training issue's golden run: all-MiniLM-L6-v2 on STS-B, one epoch, as Python sentence-transformers
 * ran it (Spearman 0.8519 on validation, mean training loss 4.98). About 2 minutes on 2 cores.
 */
class QualityBarTest {
    @TempDir
    Path tmp;

    @Tag("slow")
    @Test
    void pairScoreOnStsbMatchesPython() throws Exception {
        SentenceTransformersParams p = SentenceTransformersParams.builder().model("sentence-transformers/all-MiniLM-L6-v2")
                .dataPath(Shared.data("stsb").toString()).trainer("pair_score").targetColumn("score").validSplit("validation")
                .batchSize(16).epochs(1).lr(2e-5).maxSeqLength(128).projectName(tmp.resolve("stsb").toString()).build();
        TrainingResult r = SentenceTransformersTask.train(p, List.of(), java.util.Map.of());
        assertEquals(360, r.steps());
        assertEquals(0.8519, r.bestMetrics().get("spearman_cosine"), 0.01, "validation Spearman");
        assertEquals(4.98, r.meanLoss(), 4.98 * 0.05, "mean training loss");
        assertEquals(0, r.skippedSteps());
    }
}
