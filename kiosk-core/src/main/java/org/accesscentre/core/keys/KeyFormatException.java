package org.accesscentre.core.keys;

import java.io.Serial;

/** A key file or key text that could not be read as the expected kind of key. */
public final class KeyFormatException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    public KeyFormatException(String message) {
        super(message);
    }

    public KeyFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
