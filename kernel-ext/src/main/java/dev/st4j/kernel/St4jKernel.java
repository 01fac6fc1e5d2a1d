package dev.st4j.kernel;

import java.util.ArrayList;
import java.util.List;
import dev.st4j.magics.MagicCompletion;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;

/**
 * The "Java (st4j)" Jupyter kernel: cells are Java run by JShell in this JVM, magics ({@code %st_train}
 * and the others) are expanded first, and extensions on the class path (st4j's own) are loaded at start.
 */
public final class St4jKernel extends BaseKernel {
    private final JShellEvaluator evaluator = new JShellEvaluator();
    private final List<String> pendingDeclarations = new ArrayList<>();

    St4jKernel(String name, String version, LanguageInfo language, List<HelpLink> links, HistoryManager history, JupyterIO io,
            CommManager comms, Renderer renderer, MagicParser magicParser, MagicsRegistry magics, boolean extensions,
            StringStyler errorStyler) {
        super(name, version, language, links, history, io, comms, renderer, magicParser, magics, extensions, errorStyler);
    }

    /** A builder with st4j's name, version and Java language info. */
    public static St4jKernelBuilder builder() {
        return new St4jKernelBuilder();
    }

    @Override
    public Object evalRaw(String code) {
        String java = getMagicParser().resolveMagics(code);
        try {
            Object value = evaluator.eval(java);
            return value instanceof dev.st4j.view.Outputs outputs ? showAll(outputs) : value;
        } catch (CellException e) {
            throw new CellFailure(e.getMessage(), e.getCause());
        } finally {
            runPendingDeclarations();
        }
    }

    private Object showAll(dev.st4j.view.Outputs outputs) {
        for (Object part : outputs.parts()) {
            display(getRenderer().render(part));
        }
        return null;
    }

    /** Declares a notebook variable once the running cell has finished (JShell runs one snippet at a time). */
    void declareAfterCell(String declaration) {
        synchronized (pendingDeclarations) {
            pendingDeclarations.add(declaration);
        }
    }

    private void runPendingDeclarations() {
        List<String> todo;
        synchronized (pendingDeclarations) {
            todo = new ArrayList<>(pendingDeclarations);
            pendingDeclarations.clear();
        }
        for (String d : todo) {
            try {
                evaluator.eval(d);
            } catch (CellException e) {
                getIO().err.println("st4j: could not define a notebook variable: " + e.getMessage());
            }
        }
    }

    @Override
    public DisplayData inspect(String code, int cursor, boolean extraDetail) {
        String doc = evaluator.inspect(code, cursor);
        return doc == null ? null : new DisplayData(doc);
    }

    @Override
    public ReplacementOptions complete(String code, int cursor) {
        var flags = MagicCompletion.complete(code, cursor);
        if (flags.isPresent()) {
            return new ReplacementOptions(flags.get().options(), flags.get().start(), flags.get().end());
        }
        JShellEvaluator.Completion c = evaluator.complete(code, cursor);
        return new ReplacementOptions(c.options(), c.start(), c.end());
    }

    @Override
    public String isComplete(String code) {
        return switch (evaluator.isComplete(code)) {
            case "complete" -> IS_COMPLETE_YES;
            case "incomplete" -> IS_COMPLETE_MAYBE;
            default -> IS_COMPLETE_BAD;
        };
    }

    @Override
    public void interrupt() {
        evaluator.interrupt();
    }

    @Override
    public List<String> formatError(Throwable e) {
        if (e instanceof CellFailure) {
            List<String> lines = new ArrayList<>();
            e.getMessage().lines().forEach(l -> lines.add(errorStyler.primary(l)));
            return lines;
        }
        return super.formatError(e);
    }

    @Override
    public void onShutdown(boolean restart) {
        super.onShutdown(restart);
        evaluator.close();
    }

    /** A cell's compile error or exception, reported without the kernel's own stack trace. */
    static final class CellFailure extends RuntimeException {
        CellFailure(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }
}
