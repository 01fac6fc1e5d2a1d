package dev.st4j.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.st4j.data.TableReader;
import dev.st4j.kind.TrainerKind;
import dev.st4j.params.EvaluationParams;
import dev.st4j.params.SentenceTransformersParams;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** ST4J_QUICK shrinks what the tutorials train and evaluate on, and nothing when it is not set. */
class QuickModeTest {
    private static final QuickMode ON = QuickMode.from(Map.of("ST4J_QUICK", "1"));
    private static final QuickMode OFF = QuickMode.from(Map.of());

    @Test
    void onlyOneOrTrueTurnsItOn() {
        assertTrue(ON.on());
        assertTrue(QuickMode.from(Map.of("ST4J_QUICK", "TRUE")).on());
        assertFalse(OFF.on());
        assertFalse(QuickMode.from(Map.of("ST4J_QUICK", "0")).on());
    }

    @Test
    void trainingKeepsFewRowsAndOffChangesNothing() throws Exception {
        SentenceTransformersParams p = SentenceTransformersParams.builder().trainer("pair_score").targetColumn("score")
                .dataPath("d").epochs(3).build();
        assertSame(p, OFF.training(p));
        SentenceTransformersParams quick = ON.training(p);
        assertEquals(QuickMode.TRAIN_ROWS, quick.maxSamples());
        assertEquals(3, quick.epochs(), "steps shrink with the rows; epochs stay as the cell says");
        assertEquals(1, ON.training(p.toBuilder().loggingSteps(30).build()).loggingSteps(), "logs and validation every step");
        assertEquals(-1, ON.training(p).loggingSteps(), "AutoTrain's automatic choice stays (a few rows make it 1)");
        assertEquals(10, ON.training(p.toBuilder().maxSamples(10).build()).maxSamples(), "a smaller max_samples stays");
    }

    @Test
    void capsKeepTheSmallerAndOffKeepsTheRequest() {
        assertEquals(QuickMode.DOCS, ON.cap(null, QuickMode.DOCS));
        assertEquals(50, ON.cap(50, QuickMode.DOCS));
        assertEquals(QuickMode.DOCS, ON.cap(5000, QuickMode.DOCS));
        assertNull(OFF.cap(null, QuickMode.DOCS));
        assertEquals(5000, OFF.cap(5000, QuickMode.DOCS));
    }

    @Test
    void retrievalKeepsTheFirstQueriesTheirDocumentsAndAFewOthers() throws Exception {
        Path scifact = SharedFiles.data("scifact");
        EvaluationParams full = new EvaluationParams("m", TrainerKind.QA, null, "validation", null, null, null, null, null, false, 32,
                null, null, scifact.resolve("corpus.csv"), scifact.resolve("queries.csv"), scifact.resolve("qrels.csv"));
        EvaluationParams quick = ON.evaluation(full);
        Table queries = TableReader.read(quick.queries());
        Table qrels = TableReader.read(quick.qrels());
        Table corpus = TableReader.read(quick.corpus());
        assertEquals(QuickMode.QUERIES, queries.rowCount());
        Set<String> qids = new HashSet<>(queries.column(0).asStringColumn().asList());
        assertTrue(qrels.rowCount() >= QuickMode.QUERIES);
        assertTrue(qids.containsAll(qrels.column(0).asStringColumn().asList()), "only the kept queries' judgements");
        Set<String> docs = new HashSet<>(corpus.column(0).asStringColumn().asList());
        assertTrue(docs.containsAll(qrels.column(1).asStringColumn().asList()), "every judged document stays");
        assertTrue(corpus.rowCount() >= QuickMode.DOCS && corpus.rowCount() <= QuickMode.DOCS + qrels.rowCount(), "" + corpus.rowCount());
        assertEquals(TableReader.read(scifact.resolve("corpus.csv")).column(1).getString(0), corpus.column(1).getString(0), "texts kept");
    }
}
