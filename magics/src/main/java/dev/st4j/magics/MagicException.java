package dev.st4j.magics;

/** A magic's one-line error (bad flag, missing file): shown to the user without a stack trace. */
public final class MagicException extends RuntimeException {
    /** An error whose message is the whole line shown. */
    public MagicException(String message) {
        super(message);
    }
}
