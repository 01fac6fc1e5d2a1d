package dev.st4j.kernel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * The JJava members whose signatures changed after 1.0-a6 (the release on Maven Central, which st4j
 * compiles against), reached in a way that links with 1.0-a6 and with every later kernel: 1.0-a7 made
 * {@code DisplayData.setDisplayId} return the data (so a call compiled against a6 fails with
 * {@code NoSuchMethodError}) and deprecated {@code BaseKernel.evalRaw} for removal in favour of
 * {@code evalBuilder(code).eval()}.
 */
final class JJavaCompat {
    /** The transient key Jupyter reads a display id from. */
    static final String DISPLAY_ID = "display_id";

    private JJavaCompat() {}

    /** Gives {@code data} a display id, through {@code putTransientData}, whose signature every release shares. */
    static void setDisplayId(DisplayData data, String id) {
        data.putTransientData(DISPLAY_ID, id);
    }

    /**
     * Evaluates {@code code} in {@code kernel}: {@code evalBuilder(code).eval()} where the kernel has it
     * (1.0-a7 and later), else {@code evalRaw(code)} (1.0-a6).
     */
    static Object eval(Object kernel, String code) {
        try {
            Method builder = method(kernel.getClass(), "evalBuilder");
            if (builder != null) {
                Object b = builder.invoke(kernel, code);
                return builder.getReturnType().getMethod("eval").invoke(b);
            }
            Method raw = method(kernel.getClass(), "evalRaw");
            if (raw == null) {
                throw new IllegalStateException(kernel.getClass().getName() + " has neither evalBuilder(String) nor evalRaw(String)");
            }
            return raw.invoke(kernel, code);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this JJava kernel cannot evaluate code from an extension: " + e.getMessage(), e);
        }
    }

    /** The public one-String-argument method {@code name} of {@code type} or a superclass, or null. */
    private static Method method(Class<?> type, String name) {
        try {
            return type.getMethod(name, String.class);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
