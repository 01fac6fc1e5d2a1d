package dev.st4j.magics;

import dev.st4j.model.SentenceTransformer;
import dev.st4j.params.EvaluationFlags;
import dev.st4j.params.EvaluationParams;
import dev.st4j.task.Evaluation;
import java.io.IOException;
import java.util.List;

/** {@code %st_eval}: the metrics of {@code st4j evaluate} (same flags) as a table; {@code --model} may name a bound model. */
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
    public List<String> flags() {
        return MagicArgs.flags(new EvaluationFlags());
    }

    @Override
    public Object run(List<String> args, String body, NotebookSession session) throws Exception {
        EvaluationFlags flags = MagicArgs.parse(name(), new EvaluationFlags(), args);
        try {
            EvaluationParams params = flags.toParams();
            QuickMode quick = QuickMode.from(System.getenv());
            if (quick.on()) {
                params = quick.evaluation(params);
                session.display().show(quick.notice(params.retrieval() ? "the first " + QuickMode.QUERIES + " queries against "
                        + "their documents and " + QuickMode.DOCS + " others" : "at most " + params.maxSamples() + " rows"));
            }
            Object bound = session.variable(params.model()).orElse(null);
            return bound instanceof SentenceTransformer model ? Evaluation.run(params, model) : Evaluation.run(params);
        } catch (IOException | IllegalArgumentException e) {
            throw MagicArgs.failure(name(), e);
        }
    }
}
