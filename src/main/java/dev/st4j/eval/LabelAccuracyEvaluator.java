package dev.st4j.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.st4j.loss.SoftmaxLoss;
import dev.st4j.model.EncodeOptions;
import dev.st4j.model.SentenceTransformer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * pair_class evaluation with more than two labels: the training classifier's accuracy and macro F1
 * (the classifier exists only while training, as in sentence-transformers).
 */
public final class LabelAccuracyEvaluator implements Evaluator {
    private final List<String> sentences1;
    private final List<String> sentences2;
    private final int[] labels;
    private final int numLabels;
    private final SoftmaxLoss classifier;
    private final int batchSize;

    /** An evaluator of {@code classifier} over labelled pairs. */
    public LabelAccuracyEvaluator(List<String> sentences1, List<String> sentences2, int[] labels, int numLabels,
            SoftmaxLoss classifier, int batchSize) {
        this.sentences1 = sentences1;
        this.sentences2 = sentences2;
        this.labels = labels.clone();
        this.numLabels = numLabels;
        this.classifier = classifier;
        this.batchSize = batchSize;
    }

    @Override
    public Map<String, Double> evaluate(SentenceTransformer model) {
        EncodeOptions o = EncodeOptions.DEFAULTS.withBatchSize(batchSize);
        float[][] u = model.encode(sentences1, o);
        float[][] v = model.encode(sentences2, o);
        int[] predicted = new int[labels.length];
        try (NDManager m = model.manager().newSubManager()) {
            NDArray logits = classifier.logits(m.create(u), m.create(v));
            long[] arg = logits.argMax(1).toType(ai.djl.ndarray.types.DataType.INT64, false).toLongArray();
            for (int i = 0; i < arg.length; i++) {
                predicted[i] = (int) arg[i];
            }
        }
        return metrics(predicted, labels, numLabels);
    }

    /** Accuracy and macro F1 for predictions already made. */
    public static Map<String, Double> metrics(int[] predicted, int[] gold, int numLabels) {
        int correct = 0;
        int[] tp = new int[numLabels];
        int[] fp = new int[numLabels];
        int[] fn = new int[numLabels];
        for (int i = 0; i < gold.length; i++) {
            if (predicted[i] == gold[i]) {
                correct++;
                tp[gold[i]]++;
            } else {
                fp[predicted[i]]++;
                fn[gold[i]]++;
            }
        }
        double f1Sum = 0;
        for (int c = 0; c < numLabels; c++) {
            double denom = 2.0 * tp[c] + fp[c] + fn[c];
            f1Sum += denom == 0 ? 0 : 2.0 * tp[c] / denom;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("accuracy", (double) correct / gold.length);
        out.put("macro_f1", f1Sum / numLabels);
        return out;
    }

    @Override
    public String primaryMetric() {
        return "accuracy";
    }
}
