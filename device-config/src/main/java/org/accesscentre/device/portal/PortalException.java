package org.accesscentre.device.portal;

import java.io.Serial;
import java.net.URI;

/**
 * The portal refused a request, could not be reached, or answered with something kioskctl cannot use. The
 * message is one line for people: {@code 403 forbidden: a read_only token may not do this}, or
 * {@code cannot reach https://portal.gov.lc: connection refused}. It never holds the token.
 */
public final class PortalException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    private final int status;

    private PortalException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    private PortalException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The portal answered with an error status and, usually, its {@code {code, message}}. */
    static PortalException refused(int status, String code, String message) {
        return new PortalException(status, status + " " + code + ": " + message);
    }

    /** No answer at all: the portal, the network or TLS failed before any status came back. */
    static PortalException unreachable(URI portal, String reason, Throwable cause) {
        return new PortalException(0, "cannot reach " + portal + ": " + reason, cause);
    }

    /** An answer kioskctl cannot use; {@code status} is 0 if it was refused before its status was seen. */
    static PortalException unusable(int status, URI portal, String what) {
        return new PortalException(status, portal + (status == 0 ? "" : " answered " + status) + ": " + what);
    }

    /** The HTTP status of the answer, or 0 when there was none. */
    public int status() {
        return status;
    }
}
