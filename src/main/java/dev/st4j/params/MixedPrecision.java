package dev.st4j.params;

/** Reduced-precision training ({@code mixed_precision}); {@code none} is read as {@code no}. */
public enum MixedPrecision implements Choice {
    NO("no") {
        @Override
        public boolean matches(String text) {
            return "no".equals(text) || "none".equals(text);
        }
    },
    FP16("fp16"),
    BF16("bf16");

    private final String id;

    MixedPrecision(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
