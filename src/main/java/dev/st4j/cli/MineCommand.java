package dev.st4j.cli;

import dev.st4j.mining.MinedTable;
import dev.st4j.mining.MiningFlags;
import dev.st4j.model.SentenceTransformer;
import dev.st4j.resolve.ModelResolver;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tech.tablesaw.api.Table;

/** {@code st4j mine-hard-negatives}: (anchor, positive) pairs in, (anchor, positive, negative) rows with scores out. */
@Command(name = "mine-hard-negatives", mixinStandardHelpOptions = true,
        description = "Find hard negatives for (anchor, positive) pairs with a model and write triplets for the triplet trainer.")
final class MineCommand implements Callable<Integer> {
    @Mixin
    MiningFlags flags;

    @Mixin
    SparkFlags spark;

    @Override
    public Integer call() throws Exception {
        if (flags.output == null) {
            throw new IllegalArgumentException("--output is required");
        }
        spark.validate();
        Table mined;
        if (spark.enabled) {
            mined = SparkJobs.mine(spark.master, flags);
        } else {
            try (SentenceTransformer model = ModelResolver.load(flags.model)) {
                mined = flags.mine(model);
            }
        }
        MinedTable.write(mined, flags.output);
        System.out.println("mine-hard-negatives: " + mined.rowCount() + " rows (" + flags.format + ") written to " + flags.output);
        return 0;
    }
}
