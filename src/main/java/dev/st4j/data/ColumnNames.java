package dev.st4j.data;

/**
 * The column parameters a user gave ({@code sentence1_column} … {@code target_column}); null means
 * "not given", and the conventional names are tried.
 */
public record ColumnNames(String sentence1, String sentence2, String sentence3, String target) {
    /** Nothing given: conventional names throughout. */
    public static final ColumnNames DEFAULTS = new ColumnNames(null, null, null, null);

    /** The user's name for text column {@code i} (0-based), or null. */
    public String text(int i) {
        return switch (i) {
            case 0 -> sentence1;
            case 1 -> sentence2;
            case 2 -> sentence3;
            default -> throw new IllegalArgumentException("no text column " + i);
        };
    }

    /** The flag that sets text column {@code i}. */
    public static String textFlag(int i) {
        return "--sentence" + (i + 1) + "-column";
    }
}
