package dev.st4j.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.st4j.testing.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Native memory stays flat over many encode calls: every batch's arrays are released. */
class EncodeMemoryTest {

    @Test
    void residentMemoryIsFlatOverAThousandEncodeCalls() throws Exception {
        List<String> texts = List.of("the man was in the city", "it is a good day", "she said hello to the cat on the mat");
        try (SentenceTransformer st = SentenceTransformer.load(Shared.tinyModel("bert"))) {
            for (int i = 0; i < 2000; i++) {
                st.encode(texts);
            }
            long smallestGrowthKb = Long.MAX_VALUE;
            for (int round = 0; round < 3; round++) {
                long before = settledResidentKb();
                for (int i = 0; i < 1000; i++) {
                    st.encode(texts);
                }
                smallestGrowthKb = Math.min(smallestGrowthKb, settledResidentKb() - before);
            }
            assertTrue(smallestGrowthKb < 20 * 1024,
                    "resident memory grew by at least " + smallestGrowthKb + " KiB in each of three rounds of 1000 encode calls");
        }
    }

    /**
     * Resident memory once garbage collection and the cleaners of collected direct buffers (which DJL
     * uses to hand data to native code) have run. The first few thousand calls grow resident memory by
     * some tens of MiB (JIT, allocator pools) and then stop; a leak grows it in every round.
     */
    private static long settledResidentKb() throws Exception {
        System.gc();
        Thread.sleep(300);
        System.gc();
        return residentKb();
    }

    private static long residentKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
