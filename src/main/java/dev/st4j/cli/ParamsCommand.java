package dev.st4j.cli;

import dev.st4j.params.ParamsTable;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code st4j params}: every training parameter with its flag, default and meaning, as Markdown tables. */
@Command(name = "params", mixinStandardHelpOptions = true,
        description = "List every training parameter: name, flag, default and what it does.")
final class ParamsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.out.print(ParamsTable.markdown());
        return 0;
    }
}
