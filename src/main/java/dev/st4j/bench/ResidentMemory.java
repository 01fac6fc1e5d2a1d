package dev.st4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads this process's resident memory from {@code /proc/self/status} (Linux). */
public final class ResidentMemory {
    private ResidentMemory() {}

    /** Current resident set size in MiB, or -1 where /proc is not available. */
    public static double currentMib() {
        return read("VmRSS:");
    }

    /** Peak resident set size in MiB since the process started, or -1. */
    public static double peakMib() {
        return read("VmHWM:");
    }

    private static double read(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
