package dev.st4j.magics;

import dev.st4j.view.NotebookDisplay;
import java.util.Optional;

/** What a magic may do to the notebook it runs in: show outputs, and define or read notebook variables. */
public interface NotebookSession {
    /** Where the running cell's outputs go. */
    NotebookDisplay display();

    /** Makes {@code value} a notebook variable called {@code name} once the cell has finished. */
    void bind(String name, Object value);

    /** The value of a variable a magic bound earlier, if any. */
    Optional<Object> variable(String name);
}
