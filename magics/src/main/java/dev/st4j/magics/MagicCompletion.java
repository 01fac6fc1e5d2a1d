package dev.st4j.magics;

import java.util.List;
import java.util.Optional;

/** Tab completion of a magic's flags: in {@code %st_train --tr|}, the flags of {@code %st_train} that start with {@code --tr}. */
public final class MagicCompletion {
    /** The flags to offer and the span of the cell text they replace. */
    public record Completion(List<String> options, int start, int end) {}

    private MagicCompletion() {}

    /** The completion at {@code cursor} when it is inside a magic's line and on a word starting with {@code -}; else empty. */
    public static Optional<Completion> complete(String code, int cursor) {
        int lineStart = code.lastIndexOf('\n', Math.max(0, cursor - 1)) + 1;
        String line = code.substring(lineStart, cursor);
        String stripped = line.stripLeading();
        if (!stripped.startsWith("%")) {
            return Optional.empty();
        }
        String head = stripped.replaceFirst("^%%?", "");
        int space = head.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        String name = head.substring(0, space);
        int wordStart = Math.max(line.lastIndexOf(' '), line.lastIndexOf('\t')) + 1;
        String word = line.substring(wordStart);
        if (!word.startsWith("-")) {
            return Optional.empty();
        }
        return Magics.all().stream().filter(m -> m.name().equals(name)).findFirst()
                .map(m -> new Completion(m.flags().stream().filter(f -> f.startsWith(word)).toList(), lineStart + wordStart, cursor));
    }
}
