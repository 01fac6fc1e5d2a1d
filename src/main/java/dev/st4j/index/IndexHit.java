package dev.st4j.index;

/** One search result: the document's id, its text (null when the index keeps none) and its similarity to the query in the model's terms. */
public record IndexHit(String id, String text, float score) {}
