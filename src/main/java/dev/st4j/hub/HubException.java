package dev.st4j.hub;

import java.io.IOException;

/** A Hub request that failed; the message is one line and never contains the token. */
public final class HubException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int status;

    /** A failure with the HTTP status (0 when no response came). */
    public HubException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** The HTTP status, or 0 when the connection failed. */
    public int status() {
        return status;
    }
}
