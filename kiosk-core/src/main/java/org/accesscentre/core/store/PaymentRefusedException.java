package org.accesscentre.core.store;

/** A cash confirmation the store refused, with what was wrong in words the attendant can act on. */
public final class PaymentRefusedException extends StoreException {
    private static final long serialVersionUID = 1L;

    public PaymentRefusedException(String message) {
        super(message);
    }
}
