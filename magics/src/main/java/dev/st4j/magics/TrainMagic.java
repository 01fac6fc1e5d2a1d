package dev.st4j.magics;

import dev.st4j.model.SentenceTransformer;
import dev.st4j.params.ParamFlags;
import dev.st4j.params.ParamsIo;
import dev.st4j.params.SentenceTransformersParams;
import dev.st4j.task.SentenceTransformersTask;
import dev.st4j.trainer.TrainingResult;
import dev.st4j.view.LiveTraining;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code %st_train <flags>} and {@code %%st_train} with a YAML/JSON parameter set as body: trains with a
 * live figure, binds the trained model to a notebook variable. Interrupting the cell stops at the next step.
 */
public final class TrainMagic implements Magic {
    @Command(name = "st_train")
    static final class Args implements ParamFlags.Host {
        private final ParamFlags params = new ParamFlags();

        @Option(names = "--as", defaultValue = "model", description = "Notebook variable for the trained model.")
        String as;

        @Override
        public ParamFlags paramFlags() {
            return params;
        }
    }

    @Override
    public String name() {
        return "st_train";
    }

    @Override
    public String usage() {
        return "%st_train --trainer T --data-path D --model M [any st4j train flag] [--as model]  |  %%st_train [--as model] + YAML/JSON body";
    }

    @Override
    public List<String> flags() {
        return MagicArgs.flags(new Args());
    }

    @Override
    public Object run(List<String> args, String body, NotebookSession session) throws Exception {
        Args a = MagicArgs.parse(name(), new Args(), args);
        if (!a.as.matches("[A-Za-z_$][A-Za-z0-9_$]*")) {
            throw new MagicException("%st_train: --as '" + a.as + "' is not a Java variable name");
        }
        SentenceTransformersParams params;
        try {
            params = body == null || body.isBlank() ? a.params.toParams()
                    : a.params.toParams(ParamsIo.parse(body, "%%st_train cell"));
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw MagicArgs.failure(name(), e);
        }
        QuickMode quick = QuickMode.from(System.getenv());
        if (quick.on()) {
            params = quick.training(params);
            session.display().show(quick.notice("at most " + params.maxSamples() + " rows per split, a log every step"));
        }
        TrainingResult result;
        try {
            result = SentenceTransformersTask.train(params, List.of(new LiveTraining(session.display())));
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw MagicArgs.failure(name(), e);
        }
        Thread.interrupted();
        SentenceTransformer model = SentenceTransformer.load(result.projectDir());
        session.bind(a.as, model);
        return null;
    }
}
