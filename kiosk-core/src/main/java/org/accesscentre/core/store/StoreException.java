package org.accesscentre.core.store;

import java.io.Serial;

/** The local store could not do what was asked; nothing was changed. */
public class StoreException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
