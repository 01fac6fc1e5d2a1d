package dev.st4j.mining;

import dev.st4j.model.EncodeOptions;
import dev.st4j.model.SentenceTransformer;
import dev.st4j.similarity.SimilarityFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mines hard negatives for (anchor, positive) pairs, as sentence-transformers' {@code mine_hard_negatives}: the
 * anchors (as queries) and the candidates (the corpus, else the positives; as documents) are encoded, each anchor's
 * most similar candidates are found block by block (never a whole anchors × candidates matrix), and the first ones
 * that are not its positive, not the anchor itself, not above {@code maxScore} and not within {@code margin} of the
 * positive's score become its negatives.
 */
public final class HardNegativeMiner {
    private final SentenceTransformer model;
    private final MiningOptions options;

    /** A miner encoding with {@code model} and its similarity function. */
    public HardNegativeMiner(SentenceTransformer model, MiningOptions options) {
        this.model = model;
        this.options = options;
    }

    /**
     * The mined examples, in the pairs' order.
     *
     * @param anchors the first text of each pair
     * @param positives the second text of each pair
     * @param corpus candidate negatives, or null to draw them from the positives
     */
    public List<MinedExample> mine(List<String> anchors, List<String> positives, List<String> corpus) {
        List<String> candidates = distinct(corpus == null ? positives : concat(corpus, positives));
        SimilarityFunction similarity = SimilarityFunction.of(model);
        EncodeOptions encode = EncodeOptions.DEFAULTS.withBatchSize(options.batchSize());
        float[][] a = model.encodeQuery(anchors, encode);
        float[][] p = model.encodeDocument(positives, encode);
        float[][] c = model.encodeDocument(candidates, encode);
        List<TopCandidates> best = new ArrayList<>(anchors.size());
        for (int i = 0; i < anchors.size(); i++) {
            best.add(new TopCandidates(options.topK()));
        }
        for (int i0 = 0; i0 < a.length; i0 += options.blockSize()) {
            float[][] anchorBlock = slice(a, i0);
            for (int j0 = 0; j0 < c.length; j0 += options.blockSize()) {
                float[][] scores = similarity.matrix(anchorBlock, slice(c, j0));
                for (int i = 0; i < scores.length; i++) {
                    TopCandidates top = best.get(i0 + i);
                    for (int j = 0; j < scores[i].length; j++) {
                        top.add(candidates.get(j0 + j), scores[i][j]);
                    }
                }
            }
        }
        List<MinedExample> out = new ArrayList<>(anchors.size());
        for (int i = 0; i < anchors.size(); i++) {
            out.add(select(anchors.get(i), positives.get(i), similarity.of(a[i], p[i]), best.get(i).candidates(), options));
        }
        return out;
    }

    /**
     * The example for one pair: its most similar candidates, best first, without the positive, the anchor, and
     * those above {@code maxScore} or within {@code margin} of the positive's score, up to {@code numNegatives}.
     *
     * @param candidates the anchor's top candidates with their scores, in any order
     */
    public static MinedExample select(String anchor, String positive, double positiveScore, List<ScoredText> candidates,
            MiningOptions options) {
        List<ScoredText> ranked = new ArrayList<>(candidates);
        ranked.sort((x, y) -> Double.compare(y.score(), x.score()));
        List<String> negatives = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        for (ScoredText k : ranked) {
            if (negatives.size() == options.numNegatives()) {
                break;
            }
            if (k.text().equals(positive) || k.text().equals(anchor)
                    || options.maxScore() != null && k.score() > options.maxScore()
                    || options.margin() != null && k.score() > positiveScore - options.margin()) {
                continue;
            }
            negatives.add(k.text());
            scores.add(k.score());
        }
        return new MinedExample(anchor, positive, positiveScore, negatives, scores);
    }

    private float[][] slice(float[][] rows, int from) {
        int to = Math.min(rows.length, from + options.blockSize());
        float[][] out = new float[to - from][];
        System.arraycopy(rows, from, out, 0, to - from);
        return out;
    }

    private static List<String> distinct(List<String> texts) {
        Map<String, Boolean> seen = new LinkedHashMap<>();
        texts.forEach(t -> seen.put(t, true));
        return new ArrayList<>(seen.keySet());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
