package dev.st4j.safetensors;

/** A safetensors file that cannot be read or written; the message names the file and, where known, the tensor. */
public final class SafetensorsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a one-line message. */
    public SafetensorsException(String message) {
        super(message);
    }

    /** Creates the exception with a one-line message and its cause. */
    public SafetensorsException(String message, Throwable cause) {
        super(message, cause);
    }
}
