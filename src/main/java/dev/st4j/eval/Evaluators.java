package dev.st4j.eval;

import dev.st4j.data.Dataset;
import dev.st4j.loss.Loss;
import dev.st4j.loss.SoftmaxLoss;
import dev.st4j.trainer.TrainerKind;

/** The evaluator each trainer uses on a validation split. */
public final class Evaluators {
    private Evaluators() {}

    /**
     * The evaluator for {@code kind} over {@code data}.
     *
     * @param loss the training loss, whose classifier pair_class uses when there are more than two labels (may be null outside training)
     */
    public static Evaluator forSplit(TrainerKind kind, Dataset data, Loss loss, int batchSize) {
        return switch (kind) {
            case PAIR_SCORE -> new EmbeddingSimilarityEvaluator(data.column(0), data.column(1), data.targets(), batchSize);
            case PAIR_CLASS -> {
                int[] labels = java.util.Arrays.stream(data.targets()).mapToInt(d -> (int) d).toArray();
                int classes = data.labels().size();
                if (classes <= 2) {
                    yield new BinaryClassificationEvaluator(data.column(0), data.column(1), labels, batchSize);
                }
                if (!(loss instanceof SoftmaxLoss head)) {
                    throw new IllegalArgumentException("pair_class with " + classes + " labels is evaluated with the training "
                            + "classifier, which is not saved with the model (as in sentence-transformers)");
                }
                yield new LabelAccuracyEvaluator(data.column(0), data.column(1), labels, classes, head, batchSize);
            }
            case TRIPLET -> new TripletEvaluator(data.column(0), data.column(1), data.column(2), batchSize);
            case PAIR, QA -> {
                RetrievalData r = RetrievalData.fromPairs(data.column(0), data.column(1));
                yield new InformationRetrievalEvaluator(r.queries(), r.corpus(), r.relevant(), batchSize);
            }
        };
    }
}
