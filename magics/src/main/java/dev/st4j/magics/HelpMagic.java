package dev.st4j.magics;

import dev.st4j.view.HtmlTable;
import java.util.List;

/** {@code %st_help}: every st4j magic with its one-line usage. */
public final class HelpMagic implements Magic {
    @Override
    public String name() {
        return "st_help";
    }

    @Override
    public String usage() {
        return "%st_help";
    }

    @Override
    public Object run(List<String> args, String body, NotebookSession session) {
        HtmlTable t = new HtmlTable("st4j magics", List.of("magic", "usage"));
        for (Magic m : Magics.all()) {
            t.row((m instanceof HeatmapMagic ? "%%" : "%") + m.name(), m.usage());
        }
        return t.toHtml();
    }
}
