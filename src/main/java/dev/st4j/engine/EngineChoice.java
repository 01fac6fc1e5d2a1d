package dev.st4j.engine;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Which libtorch DJL loads on this machine: a libtorch the user names, DJL's CUDA build when an NVIDIA GPU is
 * there, else the bundled CPU build. The launchers ({@code bin/st4j}, the kernelspec) shape the class path for it
 * (the bundled CPU jar hides every other build from DJL) and the command line and kernel set DJL's offline switch.
 */
public enum EngineChoice {
    /** The CPU libtorch of the {@code pytorch-native-cpu} jar; DJL stays offline. */
    BUNDLED_CPU("bundled CPU build"),
    /** The libtorch folder in {@code PYTORCH_LIBRARY_PATH} (with {@code PYTORCH_VERSION}, {@code PYTORCH_FLAVOR}); offline. */
    USER_LIBTORCH("PYTORCH_LIBRARY_PATH"),
    /** DJL's CUDA libtorch for its version, downloaded into DJL's cache at first use (online once). */
    CUDA_DOWNLOAD("DJL's CUDA build");

    /** The environment variable that forces a choice: {@code auto} (default), {@code cpu} or {@code cuda}. */
    public static final String OVERRIDE = "ST4J_ENGINE";

    private final String label;

    EngineChoice(String label) {
        this.label = label;
    }

    /** A few words naming where the libtorch comes from, for the engine notice. */
    public String label() {
        return label;
    }

    /** The choice for this environment; {@code gpuVisible} says whether an NVIDIA GPU is there. */
    public static EngineChoice decide(Map<String, String> env, boolean gpuVisible) {
        String userPath = env.get("PYTORCH_LIBRARY_PATH");
        if (userPath != null && !userPath.isBlank()) {
            return USER_LIBTORCH;
        }
        String forced = env.getOrDefault(OVERRIDE, "auto").trim().toLowerCase(Locale.ROOT);
        return switch (forced) {
            case "", "auto" -> gpuVisible ? CUDA_DOWNLOAD : BUNDLED_CPU;
            case "cpu" -> BUNDLED_CPU;
            case "cuda", "gpu" -> CUDA_DOWNLOAD;
            default -> throw new IllegalArgumentException(OVERRIDE + ": '" + forced + "' is not one of auto, cpu, cuda");
        };
    }

    /** The choice for this process's environment and machine. */
    public static EngineChoice current() {
        return decide(System.getenv(), gpuVisible());
    }

    /** Whether DJL can stay offline ({@code ai.djl.offline}): everything but fetching the CUDA build. */
    public boolean offline() {
        return this != CUDA_DOWNLOAD;
    }

    /**
     * Sets DJL's offline switch for the choice of this process's environment, unless it is set already, and returns
     * the choice: st4j's command line and kernel run offline, except to fetch the CUDA build.
     *
     * @throws IllegalArgumentException when {@code ST4J_ENGINE} names no choice
     */
    public static EngineChoice configureOffline() {
        EngineChoice choice = current();
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", String.valueOf(choice.offline()));
        }
        return choice;
    }

    /**
     * {@code classPath} as this choice needs it: for the CUDA build, directory wildcards expanded and the bundled
     * CPU jar left out (while it is on the class path DJL looks for no other build); otherwise unchanged.
     */
    public String classPath(String classPath) {
        if (this != CUDA_DOWNLOAD) {
            return classPath;
        }
        List<String> kept = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            for (String jar : expand(entry)) {
                if (!Path.of(jar).getFileName().toString().startsWith("pytorch-native-cpu-")) {
                    kept.add(jar);
                }
            }
        }
        return String.join(File.pathSeparator, kept);
    }

    private static List<String> expand(String entry) {
        if (!entry.endsWith("*")) {
            return List.of(entry);
        }
        String dir = entry.substring(0, entry.length() - 1);
        try (Stream<Path> files = Files.list(Path.of(dir.isEmpty() ? "." : dir))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar")).map(Path::toString).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Whether an NVIDIA GPU is visible: the driver lists one under {@code /proc}, or {@code nvidia-smi -L} succeeds. */
    public static boolean gpuVisible() {
        try (Stream<Path> gpus = Files.list(Path.of("/proc/driver/nvidia/gpus"))) {
            if (gpus.findAny().isPresent()) {
                return true;
            }
        } catch (IOException e) {
            // no NVIDIA driver: ask nvidia-smi, which a container may still offer
        }
        try {
            Process p = new ProcessBuilder("nvidia-smi", "-L").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
