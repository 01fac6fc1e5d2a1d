package dev.st4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JShellEvaluatorTest {
    private static JShellEvaluator shell;

    @BeforeAll
    static void start() {
        shell = new JShellEvaluator();
    }

    @AfterAll
    static void stop() {
        shell.close();
    }

    @Test
    void declarationsAndClassesPersistAcrossCells() throws Exception {
        shell.eval("int base = 40;");
        shell.eval("record Pair(int a, int b) { int sum() { return a + b; } }");
        assertEquals(42, shell.eval("new Pair(base, 2).sum()"));
        assertEquals(7, shell.eval("int x = 3;\nint y = 4;\nx + y"));
    }

    @Test
    void aFinalSemicolonHidesTheValue() throws Exception {
        assertNull(shell.eval("String.valueOf(5);"));
        assertEquals("5", shell.eval("String.valueOf(5)"));
    }

    @Test
    void st4jClassesAndStandardOutputAreTheKernels() throws Exception {
        assertEquals(dev.st4j.model.SentenceTransformer.VERSION, shell.eval("SentenceTransformer.VERSION"));
        PrintStream old = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true));
        try {
            shell.eval("System.out.println(\"from a cell\");");
        } finally {
            System.setOut(old);
        }
        assertEquals("from a cell\n", captured.toString());
    }

    @Test
    void compileErrorsAndExceptionsAreOneMessage() {
        CellException compile = assertThrows(CellException.class, () -> shell.eval("int ok = 1;\nString s = 42;"));
        assertTrue(compile.getMessage().contains("incompatible types"), compile.getMessage());
        CellException thrown = assertThrows(CellException.class, () -> shell.eval("Integer.parseInt(\"abc\")"));
        assertTrue(thrown.getMessage().startsWith("java.lang.NumberFormatException"), thrown.getMessage());
        CellException magic = assertThrows(CellException.class, () -> shell.eval(
                "throw new dev.st4j.magics.MagicException(\"%st_data: x.csv: no such file or folder\");"));
        assertEquals("%st_data: x.csv: no such file or folder", magic.getMessage());
    }

    @Test
    void completionAndCompleteness() {
        JShellEvaluator.Completion c = shell.complete("\"abc\".len", 9);
        assertTrue(c.options().contains("length()"), c.options().toString());
        assertEquals(6, c.start());
        assertEquals("complete", shell.isComplete("int a = 1;"));
        assertEquals("incomplete", shell.isComplete("for (int i = 0; i < 3; i++) {"));
    }

    @Test
    void interruptStopsTheRunningCellOnly() throws Exception {
        CompletableFuture<Object> cell = CompletableFuture.supplyAsync(() -> {
            try {
                return shell.eval("long n = 0; while (!Thread.currentThread().isInterrupted()) { n++; } \"stopped\"");
            } catch (CellException e) {
                return e;
            }
        });
        Thread.sleep(500);
        assertTrue(!cell.isDone(), "the loop runs until interrupted");
        shell.interrupt();
        assertEquals("stopped", cell.get(10, TimeUnit.SECONDS));
        assertEquals(2, shell.eval("1 + 1"), "the kernel goes on after an interrupt");
    }
}
