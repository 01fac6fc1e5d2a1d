package dev.st4j.params;

/** Which loss a run trains with ({@code loss}): the trainer's own, or one of st4j's alternatives to it. */
public enum LossChoice implements Choice {
    /** The trainer's own loss, as AutoTrain picks it. */
    AUTO("auto"),
    /** CachedMultipleNegativesRankingLoss (GradCache): MNRL at the full batch with a mini-batch's activation memory. */
    CACHED_MNRL("cached_mnrl");

    private final String id;

    LossChoice(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
