package dev.st4j.params;

/** The optimizer names AutoTrain accepts; all three mean PyTorch's decoupled AdamW. */
public enum Optimizer implements Choice {
    ADAMW_TORCH("adamw_torch"),
    ADAMW_HF("adamw_hf"),
    ADAMW("adamw");

    private final String id;

    Optimizer(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
