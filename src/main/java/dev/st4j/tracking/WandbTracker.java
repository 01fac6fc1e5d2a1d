package dev.st4j.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.st4j.http.JsonHttp;
import dev.st4j.params.ParamsIo;
import dev.st4j.params.SentenceTransformersParams;
import dev.st4j.trainer.EvaluationLog;
import dev.st4j.trainer.StepLog;
import dev.st4j.trainer.TrainingListener;
import dev.st4j.trainer.TrainingPlan;
import dev.st4j.trainer.TrainingResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * {@code log = wandb}: records a run on Weights &amp; Biases through the HTTP API its own client uses: a
 * GraphQL {@code upsertBucket} mutation creates the run with the parameters as its config, and the
 * run's {@code file_stream} endpoint receives history rows and the final exit code. Configured from
 * {@code WANDB_API_KEY}, {@code WANDB_BASE_URL}, {@code WANDB_PROJECT} and {@code WANDB_ENTITY}.
 */
public final class WandbTracker implements TrainingListener {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UPSERT = "mutation UpsertBucket($name: String, $project: String, $entity: String, "
            + "$config: JSONString, $displayName: String) { upsertBucket(input: {name: $name, modelName: $project, "
            + "entityName: $entity, config: $config, displayName: $displayName}) { bucket { id name project { name entity { name } } } } }";

    private final String base;
    private final String project;
    private final String entity;
    private final SentenceTransformersParams params;
    private final JsonHttp http;
    private final String runName = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private String streamUrl;
    private int offset;

    /** A tracker for {@code params} configured from {@code env}. */
    public WandbTracker(SentenceTransformersParams params, Map<String, String> env) {
        String key = env.get("WANDB_API_KEY");
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("log: wandb needs WANDB_API_KEY");
        }
        String url = env.getOrDefault("WANDB_BASE_URL", "https://api.wandb.ai");
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.project = env.getOrDefault("WANDB_PROJECT", "huggingface");
        this.entity = env.get("WANDB_ENTITY");
        this.params = params.withoutToken();
        String basic = Base64.getEncoder().encodeToString(("api:" + key).getBytes(StandardCharsets.UTF_8));
        this.http = new JsonHttp("wandb", Map.of("Authorization", "Basic " + basic));
    }

    @Override
    public void onTrainBegin(TrainingPlan plan) {
        try {
            ObjectNode config = JSON.createObjectNode();
            JSON.readTree(ParamsIo.toJson(params)).fields().forEachRemaining(e -> config.putObject(e.getKey()).set("value", e.getValue()));
            ObjectNode vars = JSON.createObjectNode();
            vars.put("name", runName).put("project", project).put("config", JSON.writeValueAsString(config))
                    .put("displayName", java.nio.file.Path.of(params.projectName()).getFileName().toString());
            if (entity != null) {
                vars.put("entity", entity);
            }
            ObjectNode body = JSON.createObjectNode();
            body.put("query", UPSERT);
            body.set("variables", vars);
            JsonNode bucket = http.post(base + "/graphql", body).path("data").path("upsertBucket").path("bucket");
            String ent = bucket.path("project").path("entity").path("name").asText(entity == null ? "" : entity);
            String proj = bucket.path("project").path("name").asText(project);
            streamUrl = base + "/files/" + ent + "/" + proj + "/" + bucket.path("name").asText(runName) + "/file_stream";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void onLog(StepLog log) {
        history(log.step(), Map.of("train/loss", log.loss(), "train/learning_rate", log.learningRate(),
                "train/grad_norm", log.gradNorm(), "train/epoch", log.epoch()));
    }

    @Override
    public void onEvaluation(EvaluationLog log) {
        Map<String, Double> m = new java.util.LinkedHashMap<>();
        log.metrics().forEach((k, v) -> m.put("eval/" + k, v));
        history(log.step(), m);
    }

    @Override
    public void onTrainEnd(TrainingResult result) {
        ObjectNode body = JSON.createObjectNode();
        body.put("complete", true).put("exitcode", result.interrupted() ? 1 : 0);
        try {
            http.post(streamUrl, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void history(int step, Map<String, Double> values) {
        try {
            ObjectNode row = JSON.createObjectNode();
            row.put("_step", step).put("_timestamp", System.currentTimeMillis() / 1000.0);
            values.forEach(row::put);
            ObjectNode body = JSON.createObjectNode();
            ObjectNode file = body.putObject("files").putObject("wandb-history.jsonl");
            file.put("offset", offset);
            file.putArray("content").add(JSON.writeValueAsString(row));
            http.post(streamUrl, body);
            offset++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
