package dev.st4j.cli;

import dev.st4j.data.ColumnNames;
import dev.st4j.data.DatasetSummary;
import dev.st4j.kind.TrainerKind;
import dev.st4j.resolve.ModelResolver;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code st4j data PATH}: the dataset report of the notebook's {@code %st_data}, as text tables. */
@Command(name = "data", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Summarise a dataset before training: splits, duplicates, rows shared with train, columns, token lengths.")
final class DataCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "Data file, or folder with {split}.csv|jsonl|json.")
    Path path;

    @Option(names = "--trainer", description = "pair, pair_class, pair_score, triplet or qa (default: from the columns).")
    String trainer;

    @Option(names = "--sentence1-column", description = "First text column.") String sentence1;
    @Option(names = "--sentence2-column", description = "Second text column.") String sentence2;
    @Option(names = "--sentence3-column", description = "Third text column (triplet).") String sentence3;
    @Option(names = "--target-column", description = "Score or label column.") String target;

    @Option(names = "--max-seq-length", defaultValue = "128", description = "Truncation length to compare with (default: ${DEFAULT-VALUE}).")
    int maxSeqLength;

    @Option(names = "--model", defaultValue = "sentence-transformers/all-MiniLM-L6-v2",
            description = "Whose tokenizer counts tokens (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--no-lengths", description = "Skip token counting (no model needed).")
    boolean noLengths;

    @Override
    public Integer call() throws Exception {
        if (maxSeqLength <= 0) {
            throw new IllegalArgumentException("--max-seq-length must be a positive integer, got " + maxSeqLength);
        }
        TrainerKind kind = trainer == null ? null : TrainerKind.parse(trainer);
        Path tokenizer = noLengths ? null : new ModelResolver(System.getenv(), null, null).resolve(model);
        DatasetSummary s = DatasetSummary.open(path, kind, new ColumnNames(sentence1, sentence2, sentence3, target), maxSeqLength,
                tokenizer);
        System.out.println(path + ": read for the " + s.trainer() + " trainer\n");
        System.out.println(s.splitSummary().print() + "\n");
        for (String split : s.splits()) {
            System.out.println(s.columnSummary(split).print() + "\n");
        }
        if (tokenizer != null) {
            System.out.println(s.lengthSummary().print());
        }
        return 0;
    }
}
