package dev.st4j.params;

/** The learning-rate schedules (Hugging Face's names); all but constant warm up linearly first. */
public enum Scheduler implements Choice {
    LINEAR("linear"),
    COSINE("cosine"),
    CONSTANT("constant"),
    CONSTANT_WITH_WARMUP("constant_with_warmup"),
    POLYNOMIAL("polynomial");

    private final String id;

    Scheduler(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
