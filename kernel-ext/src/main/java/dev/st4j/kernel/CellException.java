package dev.st4j.kernel;

/** A cell that did not compile or threw: the message is what the notebook shows. */
public final class CellException extends Exception {
    /** A failure described by {@code message}, caused by the snippet's exception when there is one. */
    public CellException(String message, Throwable cause) {
        super(message, cause);
    }
}
