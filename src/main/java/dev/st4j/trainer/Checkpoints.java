package dev.st4j.trainer;

import ai.djl.ndarray.NDArray;
import dev.st4j.io.AtomicFiles;
import dev.st4j.io.ErrorText;
import dev.st4j.model.SentenceTransformer;
import dev.st4j.params.ParamsIo;
import dev.st4j.params.SentenceTransformersParams;
import dev.st4j.safetensors.SafetensorsWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The {@code checkpoint-N} folders of a project: each complete or absent (written under a temporary name, then
 * renamed), each enough to resume from, at most {@code limit} kept, never deleting the best one or the latest.
 */
final class Checkpoints {
    /** The optimizer's moments and the loss's own parameters, in a checkpoint. */
    static final String OPTIMIZER_FILE = "optimizer.safetensors";
    private static final String PREFIX = "checkpoint-";
    private static final String PARTIAL = ".partial";
    private static final String DELETING = ".deleting";

    private final Path project;
    private final int limit;
    private final Deque<Path> saved = new ArrayDeque<>();
    private Path best;

    Checkpoints(Path project, int limit) {
        this.project = project;
        this.limit = limit;
    }

    /** What goes into a checkpoint besides the model: the run's parameters, the loop's state, the optimizer, the loss's parameters. */
    record Contents(SentenceTransformersParams params, String trainerStateJson, TrainingState state, AdamW optimizer,
            Map<String, NDArray> lossParameters) {}

    /** Saves {@code checkpoint-step}; prunes old ones. */
    Path save(SentenceTransformer model, int step, Contents contents, boolean isBest) throws IOException {
        Path dir = project.resolve(PREFIX + step);
        Path staging = project.resolve("." + PREFIX + step + PARTIAL);
        AtomicFiles.deleteTree(staging);
        try {
            model.save(staging);
            AtomicFiles.writeString(staging.resolve("trainer_state.json"), contents.trainerStateJson());
            ParamsIo.writeJson(staging.resolve("training_params.json"), contents.params());
            Map<String, NDArray> tensors = new LinkedHashMap<>(contents.optimizer().moments());
            contents.lossParameters().forEach((name, value) -> tensors.put("loss." + name, value));
            SafetensorsWriter.write(staging.resolve(OPTIMIZER_FILE), tensors);
            contents.state().write(staging); // last: a checkpoint with this file is complete
        } catch (IOException e) {
            AtomicFiles.deleteTree(staging);
            throw new IOException(dir + " could not be written (" + ErrorText.of(e) + ")"
                    + (saved.isEmpty() ? "" : "; " + saved.peekLast().getFileName() + " is the last complete checkpoint"), e);
        }
        if (Files.exists(dir)) {
            AtomicFiles.deleteTree(dir);
        }
        AtomicFiles.move(staging, dir);
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
            delete(victim);
        }
        return dir;
    }

    /**
     * Removes a checkpoint as a whole: renamed out of the {@code checkpoint-N} names first, so that a process killed
     * while deleting leaves no incomplete {@code checkpoint-N} folder, only a hidden one the next run removes.
     */
    private void delete(Path checkpoint) throws IOException {
        Path doomed = project.resolve("." + checkpoint.getFileName() + DELETING);
        AtomicFiles.deleteTree(doomed);
        AtomicFiles.move(checkpoint, doomed);
        AtomicFiles.deleteTree(doomed);
    }

    /**
     * Takes over the checkpoints a run left up to {@code step} (a resumed run prunes as the original would have), and
     * removes what a killed process left half-done: a checkpoint being written or being deleted.
     */
    void adopt(int step, Integer bestStep) throws IOException {
        for (Path dir : complete(project)) {
            if (stepOf(dir) <= step) {
                saved.addLast(dir);
            }
        }
        best = bestStep == null ? null : project.resolve(PREFIX + bestStep);
        try (Stream<Path> s = Files.list(project)) {
            for (Path p : s.filter(Checkpoints::isLeftOver).toList()) {
                AtomicFiles.deleteTree(p);
            }
        }
    }

    /** A checkpoint folder being written or being deleted when its process died. */
    private static boolean isLeftOver(Path p) {
        String name = p.getFileName().toString();
        return name.startsWith("." + PREFIX) && (name.endsWith(PARTIAL) || name.endsWith(DELETING));
    }

    /** The best checkpoint so far, or null. */
    Path best() {
        return best;
    }

    /**
     * The checkpoint {@code spec} names in {@code project}: a folder, or {@code latest} for the newest complete one.
     *
     * @throws IllegalArgumentException (one line) when there is none, or the folder is not a complete checkpoint
     */
    static Path find(Path project, String spec) throws IOException {
        if (spec.equals("latest")) {
            List<Path> all = Files.isDirectory(project) ? complete(project) : List.of();
            if (all.isEmpty()) {
                throw new IllegalArgumentException("resume_from_checkpoint: " + project + " has no complete checkpoint to resume from");
            }
            return all.get(all.size() - 1);
        }
        Path dir = Path.of(spec).toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve(TrainingState.FILE)) || !Files.isRegularFile(dir.resolve(OPTIMIZER_FILE))) {
            throw new IllegalArgumentException("resume_from_checkpoint: " + spec + " is not a complete st4j checkpoint (expected "
                    + TrainingState.FILE + " and " + OPTIMIZER_FILE + " in it)");
        }
        if (!dir.getParent().equals(project.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("resume_from_checkpoint: " + spec + " is not a checkpoint of project " + project);
        }
        return dir;
    }

    /** The complete checkpoints of a project, oldest first. */
    private static List<Path> complete(Path project) throws IOException {
        try (Stream<Path> s = Files.list(project)) {
            return s.filter(p -> p.getFileName().toString().matches(PREFIX + "\\d+"))
                    .filter(p -> Files.isRegularFile(p.resolve(TrainingState.FILE)))
                    .sorted(Comparator.comparingInt(Checkpoints::stepOf)).toList();
        }
    }

    private static int stepOf(Path dir) {
        return Integer.parseInt(dir.getFileName().toString().substring(PREFIX.length()));
    }
}
