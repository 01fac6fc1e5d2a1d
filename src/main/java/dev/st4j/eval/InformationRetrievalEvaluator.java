package dev.st4j.eval;

import dev.st4j.model.EncodeOptions;
import dev.st4j.model.SentenceTransformer;
import dev.st4j.similarity.SimilarityFunction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Retrieval evaluation (pair, qa): every query is scored against the whole corpus by exact cosine;
 * ties rank by corpus id as a string. Accuracy, precision and recall at 1/3/5/10, MRR@10, NDCG@10
 * (binary gains) and MAP@100, averaged over the queries that have at least one relevant document.
 */
public final class InformationRetrievalEvaluator implements Evaluator {
    private static final int[] K = {1, 3, 5, 10};
    private static final int MRR_K = 10;
    private static final int NDCG_K = 10;
    private static final int MAP_K = 100;

    private final Map<String, String> queries;
    private final Map<String, String> corpus;
    private final Map<String, Set<String>> relevant;
    private final int batchSize;
    private final SimilarityFunction similarity;

    /** An evaluator over queries and corpus (by id) and the relevant corpus ids of each query. */
    public InformationRetrievalEvaluator(Map<String, String> queries, Map<String, String> corpus,
            Map<String, Set<String>> relevant, int batchSize) {
        this(queries, corpus, relevant, batchSize, SimilarityFunction.COSINE);
    }

    /** As the cosine evaluator, scoring by {@code similarity} (the model's declared function). */
    public InformationRetrievalEvaluator(Map<String, String> queries, Map<String, String> corpus,
            Map<String, Set<String>> relevant, int batchSize, SimilarityFunction similarity) {
        this.queries = queries;
        this.corpus = corpus;
        this.relevant = relevant;
        this.batchSize = batchSize;
        this.similarity = similarity;
    }

    @Override
    public Map<String, Double> evaluate(SentenceTransformer model) {
        List<String> qids = queries.keySet().stream().filter(q -> !relevant.getOrDefault(q, Set.of()).isEmpty()).toList();
        List<String> dids = new ArrayList<>(corpus.keySet());
        EncodeOptions o = EncodeOptions.DEFAULTS.withBatchSize(batchSize);
        float[][] q = model.encodeQuery(qids.stream().map(queries::get).toList(), o);
        float[][] d = model.encodeDocument(dids.stream().map(corpus::get).toList(), o);
        float[][] scores = similarity.matrix(q, d);
        List<List<String>> rankings = new ArrayList<>();
        for (float[] row : scores) {
            Integer[] order = new Integer[dids.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -row[i]).thenComparing(i -> dids.get(i)));
            List<String> ranked = new ArrayList<>();
            for (int r = 0; r < Math.min(MAP_K, order.length); r++) {
                ranked.add(dids.get(order[r]));
            }
            rankings.add(ranked);
        }
        List<Set<String>> rel = qids.stream().map(relevant::get).toList();
        return metrics(rankings, rel, similarity.id());
    }

    /** The metrics for rankings already computed by cosine (best first, at least 100 deep where the corpus allows). */
    public static Map<String, Double> metrics(List<List<String>> rankings, List<Set<String>> relevant) {
        return metrics(rankings, relevant, SimilarityFunction.COSINE.id());
    }

    /** As {@link #metrics(List, List)}, for rankings by the similarity function {@code fn} (its name prefixes the metrics). */
    public static Map<String, Double> metrics(List<List<String>> rankings, List<Set<String>> relevant, String fn) {
        int n = rankings.size();
        double[] acc = new double[K.length];
        double[] prec = new double[K.length];
        double[] rec = new double[K.length];
        double mrr = 0;
        double ndcg = 0;
        double map = 0;
        for (int qi = 0; qi < n; qi++) {
            List<String> ranked = rankings.get(qi);
            Set<String> rel = relevant.get(qi);
            for (int k = 0; k < K.length; k++) {
                int hits = hits(ranked, rel, K[k]);
                acc[k] += hits > 0 ? 1 : 0;
                prec[k] += (double) hits / K[k];
                rec[k] += (double) hits / rel.size();
            }
            for (int r = 0; r < Math.min(MRR_K, ranked.size()); r++) {
                if (rel.contains(ranked.get(r))) {
                    mrr += 1.0 / (r + 1);
                    break;
                }
            }
            double dcg = 0;
            for (int r = 0; r < Math.min(NDCG_K, ranked.size()); r++) {
                if (rel.contains(ranked.get(r))) {
                    dcg += 1.0 / log2(r + 2);
                }
            }
            double idcg = 0;
            for (int r = 0; r < Math.min(rel.size(), NDCG_K); r++) {
                idcg += 1.0 / log2(r + 2);
            }
            ndcg += dcg / idcg;
            double sumPrecision = 0;
            int found = 0;
            for (int r = 0; r < Math.min(MAP_K, ranked.size()); r++) {
                if (rel.contains(ranked.get(r))) {
                    found++;
                    sumPrecision += (double) found / (r + 1);
                }
            }
            map += sumPrecision / Math.min(MAP_K, rel.size());
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int k = 0; k < K.length; k++) {
            out.put(fn + "_accuracy@" + K[k], acc[k] / n);
        }
        for (int k = 0; k < K.length; k++) {
            out.put(fn + "_precision@" + K[k], prec[k] / n);
        }
        for (int k = 0; k < K.length; k++) {
            out.put(fn + "_recall@" + K[k], rec[k] / n);
        }
        out.put(fn + "_ndcg@" + NDCG_K, ndcg / n);
        out.put(fn + "_mrr@" + MRR_K, mrr / n);
        out.put(fn + "_map@" + MAP_K, map / n);
        return out;
    }

    private static int hits(List<String> ranked, Set<String> rel, int k) {
        int h = 0;
        for (int r = 0; r < Math.min(k, ranked.size()); r++) {
            if (rel.contains(ranked.get(r))) {
                h++;
            }
        }
        return h;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    @Override
    public String primaryMetric() {
        return similarity.id() + "_ndcg@10";
    }
}
