package dev.st4j.eval;

import dev.st4j.data.Dataset;
import dev.st4j.kind.TrainerKind;
import dev.st4j.loss.Loss;
import dev.st4j.loss.SoftmaxLoss;
import dev.st4j.similarity.SimilarityFunction;
import java.util.Arrays;

/** The evaluator a trainer kind uses, on a validation split or on BEIR-style retrieval files. */
public final class Evaluators {
    private Evaluators() {}

    /**
     * The evaluator for {@code kind}: retrieval over {@code retrieval} when given (pair, qa and triplet),
     * else the kind's evaluator over {@code split}.
     *
     * @param loss the training loss, whose classifier pair_class uses when there are more than two labels (may be null outside training)
     */
    public static Evaluator of(TrainerKind kind, Dataset split, RetrievalData retrieval, Loss loss, int batchSize) {
        return of(kind, split, retrieval, loss, batchSize, SimilarityFunction.COSINE);
    }

    /** As {@link #of(TrainerKind, Dataset, RetrievalData, Loss, int)}, scoring by {@code similarity} (the model's declared function). */
    public static Evaluator of(TrainerKind kind, Dataset split, RetrievalData retrieval, Loss loss, int batchSize,
            SimilarityFunction similarity) {
        if (retrieval != null) {
            if (!kind.acceptsRetrievalFiles()) {
                throw new IllegalArgumentException("corpus_path: retrieval evaluation is for the pair, qa and triplet trainers, not " + kind);
            }
            return new InformationRetrievalEvaluator(retrieval.queries(), retrieval.corpus(), retrieval.relevant(), batchSize, similarity);
        }
        return forSplit(kind, split, loss, batchSize, similarity);
    }

    /** The evaluator for {@code kind} over a validation split, by cosine. */
    public static Evaluator forSplit(TrainerKind kind, Dataset data, Loss loss, int batchSize) {
        return forSplit(kind, data, loss, batchSize, SimilarityFunction.COSINE);
    }

    /** The evaluator for {@code kind} over a validation split (see {@link #of}). */
    public static Evaluator forSplit(TrainerKind kind, Dataset data, Loss loss, int batchSize, SimilarityFunction similarity) {
        return switch (kind.validation()) {
            case EMBEDDING_SIMILARITY -> new EmbeddingSimilarityEvaluator(data.column(0), data.column(1), data.targets(), batchSize,
                    similarity);
            case PAIR_CLASSIFICATION -> pairClassification(data, loss, batchSize, similarity);
            case TRIPLET -> new TripletEvaluator(data.column(0), data.column(1), data.column(2), batchSize, similarity);
            case INFORMATION_RETRIEVAL -> {
                RetrievalData r = RetrievalData.fromPairs(data.column(0), data.column(1));
                yield new InformationRetrievalEvaluator(r.queries(), r.corpus(), r.relevant(), batchSize, similarity);
            }
        };
    }

    private static Evaluator pairClassification(Dataset data, Loss loss, int batchSize, SimilarityFunction similarity) {
        int[] labels = Arrays.stream(data.targets()).mapToInt(d -> (int) d).toArray();
        int classes = data.labels().size();
        if (classes <= 2) {
            return new BinaryClassificationEvaluator(data.column(0), data.column(1), labels, batchSize, similarity);
        }
        if (!(loss instanceof SoftmaxLoss head)) {
            throw new IllegalArgumentException("pair_class with " + classes + " labels is evaluated with the training "
                    + "classifier, which is not saved with the model (as in sentence-transformers)");
        }
        return new LabelAccuracyEvaluator(data.column(0), data.column(1), labels, classes, head, batchSize);
    }
}
