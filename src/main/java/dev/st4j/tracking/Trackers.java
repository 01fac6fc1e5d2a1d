package dev.st4j.tracking;

import dev.st4j.params.SentenceTransformersParams;
import dev.st4j.trainer.TrainingListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The experiment tracker that {@code log} names, as a training listener. */
public final class Trackers {
    private Trackers() {}

    /** None for {@code none}, else the tracker, configured from {@code env}; a missing setting is a one-line error. */
    public static List<TrainingListener> forParams(SentenceTransformersParams p, Map<String, String> env) {
        return switch (p.log()) {
            case TENSORBOARD -> List.of(new TensorBoardLogger(Path.of(p.projectName())));
            case MLFLOW -> List.of(new MlflowTracker(p, env));
            case WANDB -> List.of(new WandbTracker(p, env));
            case NONE -> List.of();
        };
    }
}
