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

    /** The interpreter on the first line of the {@code jupyter} script on the PATH (Jupyter's own Python), else python3. */
    static String jupyterPython(Map<String, String> env) {
        for (String dir : env.getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path script = Path.of(dir.isEmpty() ? "." : dir, "jupyter");
            if (java.nio.file.Files.isRegularFile(script)) {
                try (var lines = java.nio.file.Files.lines(script, StandardCharsets.UTF_8)) {
                    String first = lines.findFirst().orElse("");
                    if (first.startsWith("#!") && !first.contains(" ")) {
                        return first.substring(2).strip();
                    }
                } catch (IOException | java.io.UncheckedIOException e) {
                    return "python3";
                }
            }
        }
        return "python3";
    }

    private static String pythonSysPrefix() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(jupyterPython(System.getenv()), "-c", "import sys; print(sys.prefix)").redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0 || out.isEmpty()) {
            throw new IOException("--sys-prefix: could not ask Jupyter's Python for sys.prefix (" + out + ")");
        }
        return out;
    }
}
