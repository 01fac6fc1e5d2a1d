package dev.st4j.trainer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.st4j.data.Dataset;
import dev.st4j.model.SentenceTransformer;
import dev.st4j.ops.Autocast;
import java.util.List;

/** Training-mode embeddings (dropout on) of rows of one text column, and the rows' targets, for a run's batches. */
final class BatchEmbedder {
    private final Dataset train;
    private final SentenceTransformer model;
    private final List<String> prompts;
    private final boolean fp16;

    /**
     * @param prompts the prompt put before each column's texts (null entries: none)
     * @param fp16 whether matrix products run in float16
     */
    BatchEmbedder(Dataset train, SentenceTransformer model, List<String> prompts, boolean fp16) {
        this.train = train;
        this.model = model;
        this.prompts = prompts;
        this.fp16 = fp16;
    }

    /** Number of text columns. */
    int columns() {
        return train.texts().size();
    }

    /** The manager batch scopes are opened under. */
    NDManager manager() {
        return model.manager();
    }

    /** (rows, dim) float32 embeddings of column {@code column}'s texts at {@code rows}, in {@code scope}. */
    NDArray embed(int column, List<Integer> rows, NDManager scope) {
        List<String> texts = train.column(column);
        try (Autocast precision = Autocast.fp16(fp16)) {
            return Autocast.toFloat32(model.embed(model.tokenize(rows.stream().map(texts::get).toList(), prompts.get(column)),
                    scope, true));
        }
    }

    /** The rows' float32 targets, or null when the trainer has none. */
    NDArray targets(List<Integer> rows, NDManager scope) {
        if (train.targets() == null) {
            return null;
        }
        float[] t = new float[rows.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = (float) train.targets()[rows.get(i)];
        }
        return scope.create(t);
    }
}
