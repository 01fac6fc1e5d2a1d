package dev.st4j.safetensors;

import dev.st4j.io.ErrorText;

/** A safetensors file that cannot be read or written; the message names the file and, where known, the tensor. */
public final class SafetensorsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception; control characters in the message are escaped, so it is one line. */
    public SafetensorsException(String message) {
        super(ErrorText.printable(message));
    }

    /** Creates the exception with a one-line message and its cause. */
    public SafetensorsException(String message, Throwable cause) {
        super(ErrorText.printable(message), cause);
    }
}
