package dev.st4j.view;

/** A piece of HTML that a notebook shows as rich output (and a terminal as its source). */
public record Html(String html) {
    @Override
    public String toString() {
        return html;
    }

    /** Escapes text for use inside HTML elements and attributes. */
    public static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
