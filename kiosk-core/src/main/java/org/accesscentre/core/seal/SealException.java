package org.accesscentre.core.seal;

import java.io.Serial;

/** A sealed envelope that could not be opened: tampered, sealed to another key, or not an envelope at all. */
public final class SealException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    public SealException(String message) {
        super(message);
    }

    public SealException(String message, Throwable cause) {
        super(message, cause);
    }
}
