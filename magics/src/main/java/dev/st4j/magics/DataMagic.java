package dev.st4j.magics;

import dev.st4j.data.ColumnNames;
import dev.st4j.kind.TrainerKind;
import dev.st4j.resolve.ModelResolver;
import dev.st4j.view.DatasetView;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code %st_data <path>}: the dataset view (splits, columns, first rows, targets, token lengths, duplicates, leakage). */
public final class DataMagic implements Magic {
    @Command(name = "st_data")
    static final class Args {
        @Parameters(index = "0", description = "Data file, or folder with {split}.csv|jsonl|json.")
        Path path;

        @Option(names = "--trainer", description = "pair, pair_class, pair_score, triplet or qa (default: from the columns).")
        String trainer;

        @Option(names = "--sentence1-column") String sentence1;
        @Option(names = "--sentence2-column") String sentence2;
        @Option(names = "--sentence3-column") String sentence3;
        @Option(names = "--target-column") String target;

        @Option(names = "--max-seq-length", defaultValue = "128", description = "Truncation length to compare with.")
        int maxSeqLength;

        @Option(names = "--model", defaultValue = "sentence-transformers/all-MiniLM-L6-v2", description = "Whose tokenizer counts tokens.")
        String model;

        @Option(names = "--as", description = "Also bind the DatasetSummary (its Tablesaw tables) to this notebook variable.")
        String as;
    }

    @Override
    public String name() {
        return "st_data";
    }

    @Override
    public String usage() {
        return "%st_data <file-or-folder> [--trainer T] [--sentence1-column C ...] [--max-seq-length 128] [--model M] [--as view]";
    }

    @Override
    public List<String> flags() {
        return MagicArgs.flags(new Args());
    }

    @Override
    public Object run(List<String> args, String body, NotebookSession session) throws Exception {
        Args a = MagicArgs.parse(name(), new Args(), args);
        if (a.maxSeqLength <= 0) {
            throw new MagicException("%st_data: --max-seq-length must be a positive integer, got " + a.maxSeqLength);
        }
        DatasetView view;
        try {
            TrainerKind kind = a.trainer == null ? null : TrainerKind.parse(a.trainer);
            Path tokenizer = new ModelResolver(System.getenv(), null, null).resolve(a.model);
            view = DatasetView.open(a.path, kind, new ColumnNames(a.sentence1, a.sentence2, a.sentence3, a.target), a.maxSeqLength,
                    tokenizer);
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw MagicArgs.failure(name(), e);
        }
        if (a.as != null) {
            session.bind(a.as, view.summary());
        }
        return view.render();
    }
}
