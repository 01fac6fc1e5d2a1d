package dev.st4j.spark;

import dev.st4j.model.SentenceTransformer;
import dev.st4j.resolve.ModelResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The models loaded in one executor JVM: each is loaded once and lent to one task at a time, so an executor
 * running N tasks at once holds at most N copies, and a model is never loaded per row or per partition. They
 * live until the JVM ends or {@link #closeIdle} (a long-lived driver in local mode).
 */
public final class ExecutorModels {
    private static final Map<String, Deque<SentenceTransformer>> IDLE = new HashMap<>();
    private static int loads;

    private ExecutorModels() {}

    /** A model loaded as {@code settings} say, idle until now; return it with {@link #release}. */
    public static SentenceTransformer borrow(EncodeSettings settings) {
        synchronized (IDLE) {
            SentenceTransformer idle = IDLE.computeIfAbsent(settings.modelKey(), k -> new ArrayDeque<>()).poll();
            if (idle != null) {
                return idle;
            }
        }
        SentenceTransformer loaded = load(settings);
        synchronized (IDLE) {
            loads++;
        }
        return loaded;
    }

    /** Gives a borrowed model back for the next task. */
    public static void release(EncodeSettings settings, SentenceTransformer model) {
        synchronized (IDLE) {
            IDLE.computeIfAbsent(settings.modelKey(), k -> new ArrayDeque<>()).push(model);
        }
    }

    /** How many models this JVM has loaded so far. */
    public static int loads() {
        synchronized (IDLE) {
            return loads;
        }
    }

    private static SentenceTransformer load(EncodeSettings settings) {
        try {
            SentenceTransformer model = ModelResolver.load(settings.model());
            if (settings.maxSeqLength() != null) {
                model.setMaxSeqLength(settings.maxSeqLength());
            }
            model.setTruncateDim(settings.truncateDim());
            return model;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the models no task holds, freeing their native memory; later tasks load again. */
    public static void closeIdle() {
        synchronized (IDLE) {
            for (Deque<SentenceTransformer> idle : IDLE.values()) {
                for (SentenceTransformer model : idle) {
                    model.close();
                }
                idle.clear();
            }
        }
    }
}
