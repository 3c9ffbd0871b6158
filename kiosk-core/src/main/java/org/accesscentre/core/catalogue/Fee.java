package org.accesscentre.core.catalogue;

/**
 * What a service costs, in the smallest unit of the currency (cents), and where it is paid.
 *
 * @param currency ISO 4217, such as {@code XCD}
 */
public record Fee(long amountCents, String currency, PayAt payAt) {
    public enum PayAt {
        /** Cash at the centre's desk, confirmed by the attendant. */
        DESK,
        /** At the agency's office when collecting. */
        AGENCY
    }

    public Fee {
        if (amountCents < 0) {
            throw new IllegalArgumentException("a fee cannot be negative");
        }
    }
}
