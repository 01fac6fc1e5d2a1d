package dev.st4j.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The st4j kernel installed, for tests, under a private Jupyter path with this test JVM's class path. */
final class InstalledKernel {
    private final Path jupyterPath;

    private InstalledKernel(Path jupyterPath) {
        this.jupyterPath = jupyterPath;
    }

    static InstalledKernel in(Path dir) throws IOException {
        KernelSpec.install(dir.resolve("share/jupyter/kernels"), KernelSpec.DEFAULT_NAME, KernelSpec.DISPLAY_NAME);
        return new InstalledKernel(dir.resolve("share/jupyter"));
    }

    /**
     * The environment a Jupyter process needs to find the kernel, with the magics in quick mode (ST4J_QUICK: the
     * tutorials' full runs take minutes each; their committed outputs come from full runs, docs/notebook.md).
     */
    void configure(Map<String, String> env) {
        env.put("ST4J_QUICK", "1");
        env.put("JUPYTER_PATH", jupyterPath.toString());
        env.put("JUPYTER_CONFIG_DIR", jupyterPath.resolveSibling("config").toString());
        env.put("JUPYTER_DATA_DIR", jupyterPath.resolveSibling("data").toString());
        env.put("JUPYTER_RUNTIME_DIR", jupyterPath.resolveSibling("runtime").toString());
    }

    /** The tutorial notebooks of this checkout. */
    static Path notebooks() {
        Path p = Path.of(System.getProperty("st4j.notebooks", "../notebooks")).toAbsolutePath().normalize();
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("no notebooks folder at " + p);
        }
        return p;
    }
}
