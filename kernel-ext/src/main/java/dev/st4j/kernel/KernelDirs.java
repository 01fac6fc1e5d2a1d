package dev.st4j.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Where Jupyter looks for kernelspecs: the user's data dir, a Python's sys.prefix, or a given prefix. */
final class KernelDirs {
    private KernelDirs() {}

    static Path kernelsDir(Path prefix, boolean sysPrefix, Map<String, String> env) throws IOException, InterruptedException {
        if (prefix != null) {
            return prefix.toAbsolutePath().resolve("share/jupyter/kernels");
        }
        if (sysPrefix) {
            return Path.of(pythonSysPrefix()).resolve("share/jupyter/kernels");
        }
        String dataDir = env.get("JUPYTER_DATA_DIR");
        if (dataDir != null && !dataDir.isBlank()) {
            return Path.of(dataDir).resolve("kernels");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("jupyter").resolve("kernels");
    }

    private static String pythonSysPrefix() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("python3", "-c", "import sys; print(sys.prefix)").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0 || out.isEmpty()) {
            throw new IOException("--sys-prefix: could not ask python3 for sys.prefix (" + out + ")");
        }
        return out;
    }
}
