package dev.st4j.data;

import java.nio.file.Path;
import java.util.List;

/**
 * The examples of one split, ready for a trainer: its text columns in trainer order, the numeric
 * targets (scores, or label ids for pair_class), the label names by id, and how many invalid rows
 * were skipped.
 *
 * @param file where the rows came from
 * @param columnNames the file's column chosen for each text column, then the target's, if any
 * @param texts one list per text column, all of the same length
 * @param targets one value per row, or null when the trainer has no target
 * @param labels class names by id for pair_class, else null
 * @param skipped rows dropped because they were invalid and skipping was asked for
 */
public record Dataset(Path file, List<String> columnNames, List<List<String>> texts, double[] targets,
        List<String> labels, int skipped) {

    /** Number of examples. */
    public int size() {
        return texts.isEmpty() ? 0 : texts.get(0).size();
    }

    /** Text column {@code i}. */
    public List<String> column(int i) {
        return texts.get(i);
    }
}
