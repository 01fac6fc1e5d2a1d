package dev.st4j.view;

/** Where a running cell shows outputs: the kernel's display stream in a notebook, or a recorder in tests. */
public interface NotebookDisplay {
    /** Shows {@code value} as a new output and returns its display id. */
    String show(Object value);

    /** Replaces the output shown under {@code displayId} with {@code value}, in place. */
    void update(String displayId, Object value);
}
