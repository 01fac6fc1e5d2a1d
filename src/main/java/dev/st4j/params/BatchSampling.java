package dev.st4j.params;

/** How training rows are grouped into batches ({@code batch_sampler}; sentence-transformers' BatchSamplers names). */
public enum BatchSampling implements Choice {
    /** Shuffled each epoch and cut into consecutive batches. */
    BATCH_SAMPLER("batch_sampler"),
    /** Shuffled, and no text appears twice in a batch (in-batch negatives are never the anchor's own positive). */
    NO_DUPLICATES("no_duplicates");

    private final String id;

    BatchSampling(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
