package dev.st4j.kernel;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Evaluates notebook cells as Java with JShell, in this JVM: declarations persist from cell to cell,
 * the kernel's class path (st4j included) is visible, and the last expression's value comes back as an object.
 */
public final class JShellEvaluator implements AutoCloseable {
    private static final List<String> DEFAULT_IMPORTS = List.of(
            "import java.util.*;", "import java.nio.file.*;", "import java.io.*;",
            "import dev.st4j.model.*;", "import dev.st4j.similarity.*;", "import dev.st4j.view.*;",
            "import tech.tablesaw.api.*;");

    /** The prefix JJava's magics registry puts before a magic's own error message. */
    private static final java.util.regex.Pattern MAGIC_WRAPPER =
            java.util.regex.Pattern.compile("^Exception occurred while running (line|cell) magic '[^']*': ");

    private final CellExecutionControl control = new CellExecutionControl();
    private final JShell shell;

    /** A JShell over the running JVM's class path, with st4j's and Tablesaw's common imports. */
    public JShellEvaluator() {
        shell = JShell.builder().executionEngine(new CellExecutionProvider(control), null)
                .compilerOptions("-Xlint:none").build();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                shell.addToClasspath(entry);
            }
        }
        for (String imp : DEFAULT_IMPORTS) {
            shell.eval(imp);
        }
    }

    /**
     * Runs every snippet of {@code code} in order and returns the value of the last one when it is an
     * expression not followed by a semicolon (as in IPython, a final {@code ;} hides the value), else
     * null; the first compile error or exception stops the cell.
     */
    public Object eval(String code) throws CellException {
        Object value = null;
        String remaining = code;
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            String source = info.completeness().isComplete() ? info.source() : remaining;
            remaining = info.completeness().isComplete() ? info.remaining() : "";
            value = evalSnippet(source);
        }
        return code.strip().endsWith(";") ? null : value;
    }

    private Object evalSnippet(String source) throws CellException {
        List<SnippetEvent> events = shell.eval(source);
        Object value = null;
        for (SnippetEvent e : events) {
            if (e.causeSnippet() != null) {
                continue;
            }
            if (e.status() == Snippet.Status.REJECTED) {
                throw new CellException(compileErrors(e.snippet()), null);
            }
            if (e.exception() != null) {
                throw new CellException(describe(e.exception()), e.exception());
            }
            if (e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED && e.snippet() instanceof DeclarationSnippet d) {
                throw new CellException("cannot find symbol: " + String.join(", ", shell.unresolvedDependencies(d).toList()), null);
            }
            boolean expression = e.snippet().kind() == Snippet.Kind.EXPRESSION
                    || e.snippet().subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
            Object v = control.takeLastValue();
            value = expression ? v : null;
        }
        return value;
    }

    private String compileErrors(Snippet snippet) {
        List<String> lines = new ArrayList<>();
        shell.diagnostics(snippet).filter(Diag::isError).forEach(d -> {
            String src = snippet.source();
            int line = 1 + (int) src.substring(0, (int) Math.min(src.length(), Math.max(0, d.getStartPosition()))).chars()
                    .filter(c -> c == '\n').count();
            lines.add("line " + line + ": " + d.getMessage(Locale.ROOT));
        });
        return lines.isEmpty() ? "the snippet was rejected: " + snippet.source().strip() : String.join("\n", lines);
    }

    private static String describe(JShellException e) {
        if (e instanceof EvalException ee) {
            String type = ee.getExceptionClassName();
            String simple = type.substring(type.lastIndexOf('.') + 1);
            String message = ee.getMessage() == null ? null : MAGIC_WRAPPER.matcher(ee.getMessage()).replaceFirst("");
            if (simple.equals("MagicException") || (message != null && !message.equals(ee.getMessage()) && message.startsWith("%"))) {
                return message;
            }
            return type + (ee.getMessage() == null ? "" : ": " + ee.getMessage());
        }
        if (e instanceof UnresolvedReferenceException ure) {
            return "unresolved reference in " + ure.getSnippet().source().strip();
        }
        return String.valueOf(e.getMessage());
    }

    /** Completion candidates at {@code cursor}: the replacements and the start of the text they replace. */
    public Completion complete(String code, int cursor) {
        int[] anchor = new int[1];
        List<String> options = shell.sourceCodeAnalysis().completionSuggestions(code, cursor, anchor).stream()
                .map(SourceCodeAnalysis.Suggestion::continuation).distinct().collect(Collectors.toList());
        return new Completion(options, anchor[0], cursor);
    }

    /** Whether {@code code} is a complete cell: "complete", "incomplete" or "invalid" (Jupyter's is_complete). */
    public String isComplete(String code) {
        SourceCodeAnalysis.Completeness c = shell.sourceCodeAnalysis().analyzeCompletion(code).completeness();
        if (c.isComplete()) {
            return "complete";
        }
        return c == SourceCodeAnalysis.Completeness.UNKNOWN ? "invalid" : "incomplete";
    }

    /** The documentation of the symbol at {@code cursor}, or null. */
    public String inspect(String code, int cursor) {
        return shell.sourceCodeAnalysis().documentation(code, cursor, true).stream()
                .map(d -> d.signature() + (d.javadoc() == null ? "" : "\n" + d.javadoc())).findFirst().orElse(null);
    }

    /** Interrupts the running cell. */
    public void interrupt() {
        control.interruptCell();
    }

    @Override
    public void close() {
        shell.close();
        control.close();
    }

    /** Completion candidates replacing {@code code[start, end)}. */
    public record Completion(List<String> options, int start, int end) {}
}
