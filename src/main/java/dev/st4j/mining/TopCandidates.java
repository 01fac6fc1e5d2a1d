package dev.st4j.mining;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The k most similar candidates seen so far for one anchor: fed block by block, and merged with the top k of
 * other blocks (on Spark, of other executors) into the top k of all.
 */
public final class TopCandidates implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final Comparator<ScoredText> WORST_FIRST = (Comparator<ScoredText> & Serializable) (x, y) -> Double.compare(x.score(), y.score());

    private final int k;
    private final PriorityQueue<ScoredText> heap = new PriorityQueue<>(WORST_FIRST);

    /** An empty top {@code k}. */
    public TopCandidates(int k) {
        this.k = k;
    }

    /** Offers one candidate. */
    public void add(String text, double score) {
        if (heap.size() < k) {
            heap.add(new ScoredText(text, score));
        } else if (score > heap.peek().score()) {
            heap.poll();
            heap.add(new ScoredText(text, score));
        }
    }

    /** This top k with {@code other}'s candidates offered; returns this. */
    public TopCandidates merge(TopCandidates other) {
        other.heap.forEach(c -> add(c.text(), c.score()));
        return this;
    }

    /** The candidates kept, in no particular order. */
    public List<ScoredText> candidates() {
        return new ArrayList<>(heap);
    }
}
