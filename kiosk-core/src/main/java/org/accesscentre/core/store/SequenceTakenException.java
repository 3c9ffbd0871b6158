package org.accesscentre.core.store;

import java.io.Serial;

/** The predicted sequence number was already issued, or is below the floor: nothing was stored. */
final class SequenceTakenException extends StoreException {
    @Serial
    private static final long serialVersionUID = 1L;

    SequenceTakenException(long sequence, Throwable cause) {
        super("sequence number " + sequence + " is taken or below the floor", cause);
    }
}
