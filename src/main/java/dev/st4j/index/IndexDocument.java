package dev.st4j.index;

/**
 * One document as an index stores it: its id, its text (null when texts are not kept) and its embedding.
 */
public record IndexDocument(String id, String text, float[] embedding) {}
