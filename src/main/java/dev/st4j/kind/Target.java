package dev.st4j.kind;

/** What a trainer's target column holds. */
public enum Target {
    /** No target column. */
    NONE,
    /** A number on any scale. */
    SCORE,
    /** A class, written as an integer or a string. */
    LABEL
}
