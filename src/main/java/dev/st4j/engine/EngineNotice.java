package dev.st4j.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.LibUtils;
import java.util.Map;

/**
 * The one line that says which engine and device a run uses ("engine: PyTorch 2.7.1, CPU build
 * (/…/2.7.1-20250812-cpu-linux-x86_64), device cpu()"), and the one-line error when libtorch cannot be loaded at all.
 */
public final class EngineNotice {
    private EngineNotice() {}

    /** Loads DJL's PyTorch engine (if not yet) and describes it with the device a run on {@code device} uses. */
    public static String describe(Device device) {
        Engine engine = load();
        String path = LibUtils.getLibtorchPath();
        String source = EngineChoice.decide(System.getenv(), false) == EngineChoice.USER_LIBTORCH ? "libtorch from PYTORCH_LIBRARY_PATH"
                : path.matches(".*-cu\\d+.*") ? "CUDA build" : "CPU build";
        int gpus = engine.getGpuCount();
        return "engine: PyTorch " + engine.getVersion() + ", " + source + " (" + path + "), device "
                + device + (gpus > 0 ? " (" + gpus + " GPU" + (gpus == 1 ? "" : "s") + " visible)" : "");
    }

    /** The notice for the device DJL chooses by default (the first GPU, else the CPU). */
    public static String describe() {
        return describe(load().defaultDevice());
    }

    /**
     * DJL's PyTorch engine (st4j's model and trainer load it through here); when libtorch cannot be loaded, an
     * {@link IllegalStateException} whose first line says what was tried and how to choose another.
     */
    public static Engine load() {
        try {
            return Engine.getEngine("PyTorch");
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException("libtorch could not be loaded (" + EngineChoice.current().label()
                    + sourceHint(System.getenv()) + "): " + rootMessage(e)
                    + "; name a libtorch with PYTORCH_LIBRARY_PATH (and PYTORCH_VERSION, PYTORCH_FLAVOR) or use ST4J_ENGINE=cpu", e);
        }
    }

    private static String sourceHint(Map<String, String> env) {
        String path = env.get("PYTORCH_LIBRARY_PATH");
        return path == null || path.isBlank() ? "" : " " + path;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? "" : t.getMessage().lines().findFirst().orElse("").trim().replaceAll("\\.$", "");
        return t.getClass().getSimpleName() + (m.isEmpty() ? "" : ": " + m);
    }
}
