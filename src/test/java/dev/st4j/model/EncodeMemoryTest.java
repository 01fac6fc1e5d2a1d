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
            for (int i = 0; i < 200; i++) {
                st.encode(texts);
            }
            System.gc();
            long before = residentKb();
            for (int i = 0; i < 1000; i++) {
                st.encode(texts);
            }
            System.gc();
            long after = residentKb();
            long growthKb = after - before;
            assertTrue(growthKb < 20 * 1024, "resident memory grew by " + growthKb + " KiB over 1000 encode calls");
        }
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
