package dev.st4j.pickle;

import dev.st4j.io.ErrorText;

/** A pickle that cannot be read or is refused; the message is one line that says where and why. */
public final class PickleException extends RuntimeException {
    /** An exception with a one-line message. */
    public PickleException(String message) {
        super(ErrorText.printable(message));
    }
}
