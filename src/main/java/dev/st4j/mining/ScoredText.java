package dev.st4j.mining;

import java.io.Serializable;

/** A candidate negative and its similarity to an anchor. */
public record ScoredText(String text, double score) implements Serializable {}
