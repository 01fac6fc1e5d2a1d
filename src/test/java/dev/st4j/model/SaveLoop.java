package dev.st4j.model;

import ai.djl.ndarray.NDArray;
import java.nio.file.Path;

/**
 * The child process of {@link SaveUnderKillTest}: loads a model, then saves it into one folder over and over, the
 * first weight tensor negated every other time, printing "saved N" after each save.
 */
public final class SaveLoop {
    private SaveLoop() {}

    /** {@code args}: the model folder to load, the folder to save into. */
    public static void main(String[] args) throws Exception {
        try (SentenceTransformer model = SentenceTransformer.load(Path.of(args[0]))) {
            NDArray flipped = model.parameters().values().iterator().next();
            for (int i = 0; ; i++) {
                model.save(Path.of(args[1]));
                System.out.println("saved " + i);
                System.out.flush();
                flipped.muli(-1);
            }
        }
    }
}
