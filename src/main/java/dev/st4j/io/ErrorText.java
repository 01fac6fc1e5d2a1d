package dev.st4j.io;

import com.fasterxml.jackson.core.JsonProcessingException;

/** The part of a library's exception message that belongs in st4j's one-line errors. */
public final class ErrorText {
    private ErrorText() {}

    /** {@code text} with control characters (a newline in a name read from a file) written as \\uXXXX, so it stays on one line. */
    public static String printable(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }

    /** The first line of the message, without the source location Jackson appends; the class name when there is none. */
    public static String of(Throwable e) {
        String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        m = m.lines().findFirst().orElse(m);
        int marker = m.indexOf(" (start marker at [Source");
        return marker < 0 ? m : m.substring(0, marker);
    }
}
