package dev.st4j.trainer;

import dev.st4j.io.AtomicFiles;
import dev.st4j.model.SentenceTransformer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The {@code checkpoint-N} folders of a project: each written atomically, at most {@code limit} kept,
 * never deleting the best one or the latest.
 */
final class Checkpoints {
    private final Path project;
    private final int limit;
    private final Deque<Path> saved = new ArrayDeque<>();
    private Path best;

    Checkpoints(Path project, int limit) {
        this.project = project;
        this.limit = limit;
    }

    /** Saves the model as {@code checkpoint-step}, with the run's state; prunes old ones. */
    Path save(SentenceTransformer model, int step, String state, boolean isBest) throws IOException {
        Path dir = project.resolve("checkpoint-" + step);
        model.save(dir);
        AtomicFiles.writeString(dir.resolve("trainer_state.json"), state);
        saved.remove(dir);
        saved.addLast(dir);
        if (isBest) {
            best = dir;
        }
        while (saved.size() > limit) {
            Path victim = saved.stream().filter(p -> !p.equals(best) && !p.equals(saved.peekLast())).findFirst().orElse(null);
            if (victim == null) {
                break;
            }
            saved.remove(victim);
            AtomicFiles.deleteTree(victim);
        }
        return dir;
    }

    /** The best checkpoint so far, or null. */
    Path best() {
        return best;
    }

}
