package dev.st4j.task;

import dev.st4j.hub.HubClient;
import dev.st4j.hub.HubUploader;
import dev.st4j.params.SentenceTransformersParams;
import dev.st4j.trainer.JsonlLog;
import dev.st4j.trainer.Trainer;
import dev.st4j.trainer.TrainingListener;
import dev.st4j.trainer.TrainingResult;
import dev.st4j.tracking.Trackers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * AutoTrain's sentence-transformers task as one call, the Java counterpart of
 * {@code autotrain.trainers.sent_transformers.__main__.train(params)}: trains with the JSONL log and
 * the tracker {@code log} names attached, then pushes the model to the Hub when asked.
 */
public final class SentenceTransformersTask {
    private SentenceTransformersTask() {}

    /** Trains with {@code params}, reporting also to {@code listeners} (console, notebook, …). */
    public static TrainingResult train(SentenceTransformersParams params, List<TrainingListener> listeners) throws IOException {
        return train(params, listeners, System.getenv());
    }

    /** As {@link #train(SentenceTransformersParams, List)}, with the environment given (trackers, Hub endpoint). */
    public static TrainingResult train(SentenceTransformersParams params, List<TrainingListener> listeners, Map<String, String> env)
            throws IOException {
        List<TrainingListener> all = new ArrayList<>(listeners);
        all.add(new JsonlLog(Path.of(params.projectName())));
        all.addAll(Trackers.forParams(params, env));
        TrainingResult result = new Trainer(params, all).train();
        if (params.pushToHub() && !result.interrupted()) {
            String endpoint = env.getOrDefault("HF_ENDPOINT", HubClient.DEFAULT_ENDPOINT);
            String repo = params.username() + "/" + result.projectDir().toAbsolutePath().getFileName();
            String url = new HubUploader(endpoint, params.token()).upload(result.projectDir(), repo);
            all.forEach(l -> l.onMessage("pushed to " + url));
        }
        return result;
    }
}
