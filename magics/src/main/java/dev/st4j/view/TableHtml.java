package dev.st4j.view;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/** A Tablesaw table as an HTML table (its first rows), captioned with its name and size. */
public final class TableHtml {
    private TableHtml() {}

    /** The first {@code maxRows} rows of {@code table}. */
    public static Html of(Table table, int maxRows) {
        int shown = Math.min(maxRows, table.rowCount());
        String caption = table.name() + (shown < table.rowCount() ? " (first " + shown + " of " + table.rowCount() + " rows)" : "");
        HtmlTable t = new HtmlTable(caption, table.columnNames());
        for (int r = 0; r < shown; r++) {
            List<Object> row = new ArrayList<>();
            for (int c = 0; c < table.columnCount(); c++) {
                Object v = table.column(c).get(r);
                String s = v instanceof Double || v instanceof Float ? null : String.valueOf(v);
                row.add(s == null ? v : s.length() > 200 ? s.substring(0, 199) + "…" : s);
            }
            t.row(row.toArray());
        }
        return t.toHtml();
    }
}
