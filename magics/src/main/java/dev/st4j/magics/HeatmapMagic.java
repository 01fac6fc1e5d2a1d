package dev.st4j.magics;

import dev.st4j.model.EncodeOptions;
import dev.st4j.params.PromptFlags;
import dev.st4j.similarity.SimilarityFunction;
import dev.st4j.view.SimilarityHeatmap;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code %%st_heatmap --model M}: cosine similarities of the body's sentences (one per line) as a heatmap. */
public final class HeatmapMagic implements Magic {
    @Command(name = "st_heatmap")
    static final class Args {
        @Option(names = "--model", required = true, description = "Model folder, Hub id or notebook model variable.")
        String model;

        @Mixin
        PromptFlags prompt;
    }

    @Override
    public String name() {
        return "st_heatmap";
    }

    @Override
    public String usage() {
        return "%%st_heatmap --model M [--prompt-name N | --prompt P]  (one sentence per line of the cell)";
    }

    @Override
    public List<String> flags() {
        return MagicArgs.flags(new Args());
    }

    @Override
    public Object run(List<String> args, String body, NotebookSession session) throws Exception {
        Args a = MagicArgs.parse(name(), new Args(), args);
        List<String> sentences = body == null ? List.of() : body.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (sentences.size() < 2) {
            throw new MagicException("%%st_heatmap: expected at least 2 sentences in the cell body (one per line), got " + sentences.size());
        }
        try (ModelArgument m = ModelArgument.resolve(a.model, session)) {
            float[][] e = m.model().encode(sentences, a.prompt.apply(EncodeOptions.DEFAULTS));
            return SimilarityHeatmap.of(sentences, SimilarityFunction.of(m.model()).matrix(e, e));
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw MagicArgs.failure(name(), e);
        }
    }
}
