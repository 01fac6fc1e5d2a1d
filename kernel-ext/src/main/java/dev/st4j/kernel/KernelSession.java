package dev.st4j.kernel;

import dev.st4j.magics.NotebookSession;
import dev.st4j.view.NotebookDisplay;
import dev.st4j.view.Outputs;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * The notebook as st4j's magics see it inside a JJava-framework kernel: outputs go to the kernel's
 * display stream (with display ids, for in-place updates), and bound values become JShell variables.
 */
public final class KernelSession implements NotebookSession, NotebookDisplay {
    private static final Map<String, Object> VALUES = new ConcurrentHashMap<>();

    private final BaseKernel kernel;
    private final Consumer<String> declare;

    /**
     * A session over {@code kernel}; {@code declare} runs a Java declaration in the notebook (now, or once
     * the running cell has finished).
     */
    public KernelSession(BaseKernel kernel, Consumer<String> declare) {
        this.kernel = kernel;
        this.declare = declare;
    }

    /** The value bound under {@code name}; the declarations made by {@link #bind} read it from here. */
    public static Object value(String name) {
        return VALUES.get(name);
    }

    @Override
    public NotebookDisplay display() {
        return this;
    }

    @Override
    public String show(Object value) {
        if (value instanceof Outputs outputs) {
            String id = null;
            for (Object part : outputs.parts()) {
                id = show(part);
            }
            return id;
        }
        DisplayData data = kernel.getRenderer().render(value);
        String id = UUID.randomUUID().toString();
        JJavaCompat.setDisplayId(data, id);
        InterruptGate.send(() -> kernel.display(data));
        return id;
    }

    @Override
    public void update(String displayId, Object value) {
        DisplayData data = kernel.getRenderer().render(value);
        InterruptGate.send(() -> kernel.getIO().display.updateDisplay(displayId, data));
    }

    @Override
    public void bind(String name, Object value) {
        Object old = VALUES.put(name, value);
        if (old != null && old != value && old instanceof dev.st4j.model.SentenceTransformer st) {
            st.close();
        }
        declare.accept(typeName(value.getClass()) + " " + name + " = (" + typeName(value.getClass()) + ") "
                + KernelSession.class.getName() + ".value(\"" + name + "\");");
    }

    @Override
    public Optional<Object> variable(String name) {
        return Optional.ofNullable(VALUES.get(name));
    }

    static String typeName(Class<?> type) {
        List<Class<?>> candidates = new ArrayList<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            candidates.add(c);
        }
        for (Class<?> c : candidates) {
            if (Modifier.isPublic(c.getModifiers()) && c.getCanonicalName() != null) {
                return c.getCanonicalName();
            }
        }
        return "Object";
    }
}
