package org.accesscentre.app.receipt;

import java.io.Serial;

/**
 * A receipt could not be put on paper or in a file, with a message an attendant can act on ("the disk is
 * full", "the printer does not answer"). The citizen's request is not affected: it was saved before the
 * receipt was asked for, and the reference already works.
 */
public final class ReceiptException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    public ReceiptException(String message) {
        super(message);
    }

    public ReceiptException(String message, Throwable cause) {
        super(message, cause);
    }
}
