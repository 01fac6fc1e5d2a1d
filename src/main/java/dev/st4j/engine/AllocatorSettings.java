package dev.st4j.engine;

import java.util.Map;

/**
 * The glibc {@code malloc} settings st4j's launchers give the JVM so that PyTorch's CPU tensors reuse
 * freed memory instead of mapping fresh, zero-filled pages for every temporary. They must be in the
 * environment before the process starts; {@code bin/st4j}, the Jupyter kernelspec and the test runner
 * set them. See {@code docs/performance.md} for what they change.
 */
public final class AllocatorSettings {
    /** Variable name to value: one arena, no per-allocation {@code mmap}, no trimming of the heap top. */
    public static final Map<String, String> ENVIRONMENT = Map.of(
            "MALLOC_ARENA_MAX", "1",
            "MALLOC_MMAP_MAX_", "0",
            "MALLOC_TRIM_THRESHOLD_", "68719476736");

    private AllocatorSettings() {}

    /** True when this process was started with every recommended setting. */
    public static boolean active() {
        return ENVIRONMENT.entrySet().stream().allMatch(e -> e.getValue().equals(System.getenv(e.getKey())));
    }
}
