package dev.st4j.view;

import java.util.ArrayList;
import java.util.List;

/** Builds a small HTML table with escaped cells, styled like pandas' tables in Jupyter. */
public final class HtmlTable {
    private final String caption;
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    /** A table with a caption (may be null) and column headers. */
    public HtmlTable(String caption, List<String> headers) {
        this.caption = caption;
        this.headers = List.copyOf(headers);
    }

    /** Appends a row; values are shown with {@link String#valueOf} and numbers rounded to 4 decimals. */
    public HtmlTable row(Object... cells) {
        List<String> row = new ArrayList<>();
        for (Object c : cells) {
            row.add(format(c));
        }
        rows.add(row);
        return this;
    }

    /** The number of rows added. */
    public int size() {
        return rows.size();
    }

    /** The table as HTML. */
    public Html toHtml() {
        StringBuilder b = new StringBuilder("<table class=\"dataframe st4j\">");
        if (caption != null) {
            b.append("<caption>").append(Html.escape(caption)).append("</caption>");
        }
        b.append("<thead><tr>");
        headers.forEach(h -> b.append("<th>").append(Html.escape(h)).append("</th>"));
        b.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            b.append("<tr>");
            row.forEach(c -> b.append("<td>").append(Html.escape(c)).append("</td>"));
            b.append("</tr>");
        }
        return new Html(b.append("</tbody></table>").toString());
    }

    static String format(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d)) {
                return "NaN";
            }
            return Math.abs(d) >= 1e5 || (d != 0 && Math.abs(d) < 1e-3) ? String.format("%.3e", d) : String.format("%.4f", d);
        }
        return String.valueOf(value);
    }
}
