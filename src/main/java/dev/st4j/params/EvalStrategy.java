package dev.st4j.params;

/** When validation runs: after each epoch, every {@code logging_steps} steps, or never. */
public enum EvalStrategy implements Choice {
    EPOCH("epoch"),
    STEPS("steps"),
    NO("no");

    private final String id;

    EvalStrategy(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
