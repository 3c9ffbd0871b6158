package org.accesscentre.core.store;

import java.io.Serial;

/**
 * The store has reached its size limit, or the disk is full. The submission was not saved; everything
 * already in the store is intact. The kiosk tells the citizen and the attendant, and retention or a
 * successful drain frees space.
 */
public final class StoreFullException extends StoreException {
    @Serial
    private static final long serialVersionUID = 1L;

    public StoreFullException(String message, Throwable cause) {
        super(message, cause);
    }
}
