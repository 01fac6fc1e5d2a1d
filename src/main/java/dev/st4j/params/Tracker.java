package dev.st4j.params;

/** The experiment tracker a run reports to ({@code log}). */
public enum Tracker implements Choice {
    NONE("none"),
    TENSORBOARD("tensorboard"),
    MLFLOW("mlflow"),
    WANDB("wandb");

    private final String id;

    Tracker(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
