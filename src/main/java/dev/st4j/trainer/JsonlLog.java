package dev.st4j.trainer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.st4j.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Appends every logged loss, learning rate and metric to {@code project_name/training_log.jsonl}, one JSON object a line. */
public final class JsonlLog implements TrainingListener {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    /** A log in {@code project}. */
    public JsonlLog(Path project) {
        this.file = project.resolve("training_log.jsonl");
    }

    @Override
    public void onTrainBegin(TrainingPlan plan) {
        try {
            Files.createDirectories(file.getParent());
            if (plan.resumedFromStep() > 0 && Files.exists(file)) {
                keepUpTo(plan.resumedFromStep());
                return;
            }
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode n = JSON.valueToTree(plan);
        n.put("event", "plan");
        append(n);
    }

    /** A resumed run's log: the interrupted run's lines up to the checkpoint's step, as the uninterrupted run wrote them. */
    private void keepUpTo(int step) throws IOException {
        List<String> kept = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            JsonNode n;
            try {
                n = JSON.readTree(line);
            } catch (IOException e) {
                break; // the line a killed process left half-written, and anything after it
            }
            String event = n.path("event").asText();
            if (event.equals("plan") || (event.equals("train") || event.equals("eval")) && n.path("step").asInt() <= step) {
                kept.add(line);
            }
        }
        AtomicFiles.writeString(file, kept.isEmpty() ? "" : String.join("\n", kept) + "\n");
    }

    @Override
    public void onLog(StepLog log) {
        ObjectNode n = JSON.valueToTree(log);
        n.put("event", "train");
        append(n);
    }

    @Override
    public void onEvaluation(EvaluationLog log) {
        ObjectNode n = JSON.createObjectNode();
        n.put("event", "eval");
        n.put("step", log.step());
        n.put("epoch", log.epoch());
        n.put("best", log.best());
        log.metrics().forEach((k, v) -> n.put("eval_" + k, v));
        append(n);
    }

    @Override
    public void onTrainEnd(TrainingResult result) {
        ObjectNode n = JSON.createObjectNode();
        n.put("event", "end");
        n.put("steps", result.steps());
        n.put("seconds", result.seconds());
        n.put("mean_loss", result.meanLoss());
        n.put("examples_per_second", result.examplesPerSecond());
        n.put("stopped_early", result.stoppedEarly());
        n.put("interrupted", result.interrupted());
        n.put("skipped_steps", result.skippedSteps());
        append(n);
    }

    private void append(ObjectNode n) {
        // FileOutputStream, not a file channel: an interrupt arriving during the append must not break it.
        try (Writer w = new java.io.OutputStreamWriter(new java.io.FileOutputStream(file.toFile(), true), StandardCharsets.UTF_8)) {
            w.write(JSON.writeValueAsString(n));
            w.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
