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

    /**
     * Starts a new peak: later {@link #peakMib()} calls report the peak since this call (Linux resets
     * {@code VmHWM} when "5" is written to {@code /proc/self/clear_refs}). Returns false where it cannot.
     */
    public static boolean resetPeak() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Peak resident set size in MiB since the process started or the last {@link #resetPeak()}, or -1. */
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
