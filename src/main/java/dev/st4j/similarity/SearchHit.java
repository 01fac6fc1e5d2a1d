package dev.st4j.similarity;

/** One corpus entry found for a query: its index in the corpus and its score. */
public record SearchHit(int corpusId, float score) {}
