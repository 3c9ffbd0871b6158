package org.accesscentre.portal.db;

import java.io.Serial;
import org.jspecify.annotations.Nullable;

/** The database could not be opened or migrated; the message never contains a password. */
public final class DatabaseException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    public DatabaseException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
