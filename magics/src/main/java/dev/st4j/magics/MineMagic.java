package dev.st4j.magics;

import dev.st4j.mining.MinedTable;
import dev.st4j.mining.MiningFlags;
import dev.st4j.view.Html;
import dev.st4j.view.Outputs;
import dev.st4j.view.TableHtml;
import java.io.IOException;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * {@code %st_mine}: the flags of {@code st4j mine-hard-negatives}; shows the first mined rows with their scores,
 * writes them when {@code --output} is given, and binds the table to {@code --as}.
 */
public final class MineMagic implements Magic {
    @picocli.CommandLine.Command(name = "st_mine")
    static final class Args {
        @picocli.CommandLine.Mixin
        MiningFlags flags;

        @picocli.CommandLine.Option(names = "--as", description = "Notebook variable for the mined Tablesaw table.")
        String as;
    }

    @Override
    public String name() {
        return "st_mine";
    }

    @Override
    public String usage() {
        return "%st_mine --model M --data-path D [--corpus C] [--num-negatives 1] [--top-k 10] [--max-score S] [--margin M] "
                + "[--format triplet|n-tuple] [--output mined.csv] [--as table]";
    }

    @Override
    public List<String> flags() {
        return MagicArgs.flags(new Args());
    }

    @Override
    public Object run(List<String> args, String body, NotebookSession session) throws Exception {
        Args a = MagicArgs.parse(name(), new Args(), args);
        if (a.as != null && !a.as.matches("[A-Za-z_$][A-Za-z0-9_$]*")) {
            throw new MagicException("%st_mine: --as '" + a.as + "' is not a Java variable name");
        }
        QuickMode quick = QuickMode.from(System.getenv());
        if (quick.on()) {
            a.flags.maxSamples = quick.cap(a.flags.maxSamples, QuickMode.TRAIN_ROWS);
            a.flags.maxCorpus = quick.cap(a.flags.maxCorpus, QuickMode.DOCS);
            session.display().show(quick.notice("the first " + a.flags.maxSamples + " pairs"
                    + (!a.flags.hasCorpus() ? "" : " against the first " + a.flags.maxCorpus + " documents")));
        }
        Table mined;
        try (ModelArgument m = ModelArgument.resolve(a.flags.model, session)) {
            mined = a.flags.mine(m.model());
            if (a.flags.output != null) {
                MinedTable.write(mined, a.flags.output);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw MagicArgs.failure(name(), e);
        }
        if (a.as != null) {
            session.bind(a.as, mined);
        }
        String where = a.flags.output == null ? "" : ", written to " + Html.escape(a.flags.output.toString());
        return new Outputs(List.of(new Html("<p>" + mined.rowCount() + " mined rows (" + Html.escape(a.flags.format) + ")" + where + "</p>"),
                TableHtml.of(mined, 10)));
    }
}
