package dev.st4j.magics;

import java.util.List;

/**
 * One st4j notebook command ({@code %name} on a line, or {@code %%name} heading a cell): parses its
 * declared arguments, calls the public API, returns something a notebook renders.
 */
public interface Magic {
    /** The name without the percent signs. */
    String name();

    /** One line: how it is called. */
    String usage();

    /** The flags it takes, for completion ({@code --trainer}, …); none by default. */
    default List<String> flags() {
        return List.of();
    }

    /** Runs the line form ({@code body} null) or the cell form; returns the cell's value (may be null). */
    Object run(List<String> args, String body, NotebookSession session) throws Exception;
}
