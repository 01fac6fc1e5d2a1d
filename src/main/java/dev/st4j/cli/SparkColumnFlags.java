package dev.st4j.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The flags of {@code encode --spark} that name the input's id, text and title columns, and whether texts are kept. */
final class SparkColumnFlags {
    @Option(names = "--id-column", description = "With --spark: the id column (default: id, _id or docid, else the row number from 1).")
    String id;

    @Option(names = "--text-column", description = "With --spark: the text column (default: text).")
    String text;

    @Option(names = "--title-column", description = "With --spark: a column put before the text when present (default: title, as BEIR corpora).")
    String title;

    @Option(names = "--no-texts", description = "With --spark: write ids and embeddings only.")
    boolean noTexts;

    /** Refuses any of these flags without {@code --spark}, naming it. */
    void requireSpark(boolean spark) {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("--id-column", id);
        given.put("--text-column", text);
        given.put("--title-column", title);
        given.put("--no-texts", noTexts ? true : null);
        given.forEach((flag, value) -> {
            if (value != null && !spark) {
                throw new IllegalArgumentException(flag + " applies only with --spark");
            }
        });
    }

    /** The text column: {@code --text-column}, else {@code text}. */
    String textColumn() {
        return text == null ? "text" : text;
    }

    /** The title column put before the text when the input has it: {@code --title-column}, else {@code title}. */
    String titleColumn() {
        return title == null ? "title" : title;
    }
}
