package dev.st4j.mining;

import java.util.List;

/**
 * An (anchor, positive) pair with the hard negatives mined for it, most similar first, and the scores.
 *
 * @param negatives the negative texts, at most the number asked for
 * @param negativeScores each negative's similarity to the anchor
 */
public record MinedExample(String anchor, String positive, double positiveScore, List<String> negatives, List<Double> negativeScores) {}
