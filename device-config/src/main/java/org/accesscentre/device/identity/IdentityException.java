package org.accesscentre.device.identity;

import java.io.Serial;

/** The device's identity key cannot be used safely; the message says which file and why. */
public final class IdentityException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    public IdentityException(String message) {
        super(message);
    }

    public IdentityException(String message, Throwable cause) {
        super(message, cause);
    }
}
