package dev.st4j.magics;

import dev.st4j.resolve.ModelResolver;
import dev.st4j.model.SentenceTransformer;
import java.io.IOException;

/**
 * A {@code --model} value: the name of a model a magic bound in this notebook ({@code --as}), or a folder
 * or Hub id to load. Closing releases the model only when it was loaded here.
 */
final class ModelArgument implements AutoCloseable {
    private final SentenceTransformer model;
    private final boolean owned;

    private ModelArgument(SentenceTransformer model, boolean owned) {
        this.model = model;
        this.owned = owned;
    }

    static ModelArgument resolve(String value, NotebookSession session) throws IOException {
        Object bound = session.variable(value).orElse(null);
        if (bound instanceof SentenceTransformer st) {
            return new ModelArgument(st, false);
        }
        return new ModelArgument(new ModelResolver(System.getenv(), null, null).loadModel(value), true);
    }

    SentenceTransformer model() {
        return model;
    }

    @Override
    public void close() {
        if (owned) {
            model.close();
        }
    }
}
