package dev.st4j.magics;

import dev.st4j.cli.EvaluateCommand;
import dev.st4j.eval.EvaluationReport;
import java.util.List;

/** {@code %st_eval}: the metrics of {@code st4j evaluate} (same flags) as a table. */
public final class EvalMagic implements Magic {
    @Override
    public String name() {
        return "st_eval";
    }

    @Override
    public String usage() {
        return "%st_eval --model M --trainer T --data-path D [--split validation] [--max-samples N] [any st4j evaluate flag]";
    }

    @Override
    public Object run(List<String> args, String body, NotebookSession session) throws Exception {
        EvaluateCommand command = MagicArgs.parse(name(), new EvaluateCommand(), args);
        if (command.model() == null) {
            throw new MagicException("%st_eval: --model is required");
        }
        Object bound = session.variable(command.model()).orElse(null);
        try {
            EvaluationReport report = bound instanceof dev.st4j.model.SentenceTransformer st ? command.evaluate(st) : command.evaluate();
            return report;
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw MagicArgs.failure(name(), e);
        }
    }
}
