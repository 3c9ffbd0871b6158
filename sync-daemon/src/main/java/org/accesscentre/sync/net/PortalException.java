package org.accesscentre.sync.net;

import java.io.Serial;

/** A call to the portal that did not succeed; {@link #failure()} says why and what to do. */
public final class PortalException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient Failure failure;

    public PortalException(Failure failure) {
        super(failure.kind() + ": " + failure.reason());
        this.failure = failure;
    }

    public PortalException(Failure failure, Throwable cause) {
        super(failure.kind() + ": " + failure.reason(), cause);
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }
}
