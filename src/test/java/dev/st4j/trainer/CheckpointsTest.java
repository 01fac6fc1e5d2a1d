package dev.st4j.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a killed run leaves beside its checkpoints is removed when the next run adopts them: a checkpoint being
 * written (staging) and one being deleted (renamed away first, so no half-deleted {@code checkpoint-N} remains).
 */
class CheckpointsTest {
    @Test
    void adoptingRemovesCheckpointsBeingWrittenOrDeletedAndKeepsCompleteOnes(@TempDir Path project) throws IOException {
        Files.writeString(Files.createDirectories(project.resolve("checkpoint-3")).resolve(TrainingState.FILE), "{}");
        Files.writeString(Files.createDirectories(project.resolve(".checkpoint-2.deleting")).resolve("model.safetensors"), "x");
        Files.writeString(Files.createDirectories(project.resolve(".checkpoint-4.partial")).resolve("config.json"), "{}");
        Files.writeString(project.resolve("training_log.jsonl"), "");
        new Checkpoints(project, 2).adopt(4, 3);
        try (Stream<Path> names = Files.list(project)) {
            assertEquals(List.of("checkpoint-3", "training_log.jsonl"), names.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
