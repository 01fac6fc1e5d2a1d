package dev.st4j.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tab in a magic's line offers that magic's flags; elsewhere it leaves completion to Java. */
class MagicCompletionTest {
    @Test
    void offersTheFlagsOfTheMagicOnTheCursorsLine() {
        String code = "int x = 1;\n%st_train --model m --tr";
        MagicCompletion.Completion c = MagicCompletion.complete(code, code.length()).orElseThrow();
        assertEquals(List.of("--train-split", "--trainer"), c.options());
        assertEquals(code.length() - 4, c.start());
        assertEquals(code.length(), c.end());
        String cell = "%%st_heatmap --pro";
        assertEquals(List.of("--prompt", "--prompt-name"), MagicCompletion.complete(cell, cell.length()).orElseThrow().options());
        String eval = "%st_eval --sp";
        assertEquals(List.of("--split"), MagicCompletion.complete(eval, eval.length()).orElseThrow().options());
        assertTrue(new TrainMagic().flags().containsAll(List.of("--lr", "--config", "--as", "--corpus", "--max-seq-length")));
    }

    @Test
    void leavesJavaAndUnknownMagicsAlone() {
        assertTrue(MagicCompletion.complete("String s = \"\"; s.len", 20).isEmpty());
        assertTrue(MagicCompletion.complete("%st_nothing --a", 15).isEmpty());
        assertTrue(MagicCompletion.complete("%st_train model", 15).isEmpty(), "not on a flag");
    }
}
