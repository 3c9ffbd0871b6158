package org.accesscentre.portal;

import java.io.Serial;

/** The portal could not start or bootstrap; the message says why in one line. */
public final class PortalException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    public PortalException(String message, Throwable cause) {
        super(message, cause);
    }

    public PortalException(String message) {
        super(message);
    }
}
