package dev.st4j.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * {@code log = mlflow}: records a run on an MLflow tracking server through its REST API
 * ({@code /api/2.0/mlflow/...}): the parameters, every logged loss and metric, and the final status.
 * Configured as MLflow's own clients are: {@code MLFLOW_TRACKING_URI}, {@code MLFLOW_EXPERIMENT_NAME},
 * {@code MLFLOW_TRACKING_TOKEN} or {@code MLFLOW_TRACKING_USERNAME}/{@code PASSWORD}.
 */
public final class MlflowTracker implements TrainingListener {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String base;
    private final String experimentName;
    private final String runName;
    private final SentenceTransformersParams params;
    private final JsonHttp http;
    private String runId;

    /** A tracker for {@code params} configured from {@code env}. */
    public MlflowTracker(SentenceTransformersParams params, Map<String, String> env) {
        String uri = env.get("MLFLOW_TRACKING_URI");
        if (uri == null || !(uri.startsWith("http://") || uri.startsWith("https://"))) {
            throw new IllegalArgumentException("log: mlflow needs MLFLOW_TRACKING_URI set to an http(s) tracking server");
        }
        this.base = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
        this.experimentName = env.getOrDefault("MLFLOW_EXPERIMENT_NAME", "Default");
        this.runName = java.nio.file.Path.of(params.projectName()).getFileName().toString();
        this.params = params.withoutToken();
        Map<String, String> headers = new HashMap<>();
        if (env.get("MLFLOW_TRACKING_TOKEN") != null) {
            headers.put("Authorization", "Bearer " + env.get("MLFLOW_TRACKING_TOKEN"));
        } else if (env.get("MLFLOW_TRACKING_USERNAME") != null) {
            String pair = env.get("MLFLOW_TRACKING_USERNAME") + ":" + env.getOrDefault("MLFLOW_TRACKING_PASSWORD", "");
            headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        this.http = new JsonHttp("mlflow", headers);
    }

    @Override
    public void onTrainBegin(TrainingPlan plan) {
        try {
            String experimentId = experimentId();
            ObjectNode create = JSON.createObjectNode();
            create.put("experiment_id", experimentId).put("start_time", System.currentTimeMillis()).put("run_name", runName);
            create.putArray("tags").addObject().put("key", "mlflow.runName").put("value", runName);
            runId = http.post(base + "/api/2.0/mlflow/runs/create", create).path("run").path("info").path("run_id").asText();
            ObjectNode batch = JSON.createObjectNode();
            batch.put("run_id", runId);
            ArrayNode ps = batch.putArray("params");
            Iterator<Map.Entry<String, JsonNode>> it = JSON.readTree(ParamsIo.toJson(params)).fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isNull()) {
                    ps.addObject().put("key", e.getKey()).put("value", e.getValue().asText());
                }
            }
            http.post(base + "/api/2.0/mlflow/runs/log-batch", batch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String experimentId() throws IOException {
        try {
            return http.get(base + "/api/2.0/mlflow/experiments/get-by-name?experiment_name="
                    + URLEncoder.encode(experimentName, StandardCharsets.UTF_8)).path("experiment").path("experiment_id").asText();
        } catch (JsonHttp.HttpStatusException e) {
            if (e.status() != 404) {
                throw e;
            }
            ObjectNode body = JSON.createObjectNode().put("name", experimentName);
            return http.post(base + "/api/2.0/mlflow/experiments/create", body).path("experiment_id").asText();
        }
    }

    @Override
    public void onLog(StepLog log) {
        metrics(log.step(), Map.of("train_loss", log.loss(), "learning_rate", log.learningRate(), "grad_norm", log.gradNorm(),
                "epoch", log.epoch()));
    }

    @Override
    public void onEvaluation(EvaluationLog log) {
        Map<String, Double> m = new HashMap<>();
        log.metrics().forEach((k, v) -> m.put("eval_" + k.replace('@', '_'), v));
        metrics(log.step(), m);
    }

    @Override
    public void onTrainEnd(TrainingResult result) {
        ObjectNode body = JSON.createObjectNode();
        body.put("run_id", runId).put("status", result.interrupted() ? "KILLED" : "FINISHED").put("end_time", System.currentTimeMillis());
        try {
            http.post(base + "/api/2.0/mlflow/runs/update", body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void metrics(int step, Map<String, Double> values) {
        ObjectNode batch = JSON.createObjectNode();
        batch.put("run_id", runId);
        ArrayNode ms = batch.putArray("metrics");
        long now = System.currentTimeMillis();
        values.forEach((k, v) -> ms.addObject().put("key", k).put("value", v).put("timestamp", now).put("step", step));
        try {
            http.post(base + "/api/2.0/mlflow/runs/log-batch", batch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
