package org.accesscentre.core.submission;

import java.util.UUID;
import org.accesscentre.core.store.Receipt;
import org.jspecify.annotations.Nullable;

/**
 * A validated form, already sealed in memory and waiting for the citizen to press "Send my request". The
 * kiosk prepares it while the citizen reads "Check your answers", so sending is only the durable commit.
 * Submitting it is idempotent: a second press, or a retry after a failure, returns the first receipt and
 * never stores the request twice. Nothing of it is on disk until it is submitted.
 */
public final class PreparedSubmission {
    private final UUID transactionId;
    private final String serviceId;
    private final int serviceVersion;
    private final long catalogueVersion;
    private final long feeCents;
    private final @Nullable String currency;
    private final byte[] sealed;
    private @Nullable Receipt receipt;

    PreparedSubmission(
            UUID transactionId,
            String serviceId,
            int serviceVersion,
            long catalogueVersion,
            long feeCents,
            @Nullable String currency,
            byte[] sealed) {
        this.transactionId = transactionId;
        this.serviceId = serviceId;
        this.serviceVersion = serviceVersion;
        this.catalogueVersion = catalogueVersion;
        this.feeCents = feeCents;
        this.currency = currency;
        this.sealed = sealed;
    }

    public UUID transactionId() {
        return transactionId;
    }

    public String serviceId() {
        return serviceId;
    }

    int serviceVersion() {
        return serviceVersion;
    }

    long catalogueVersion() {
        return catalogueVersion;
    }

    long feeCents() {
        return feeCents;
    }

    @Nullable
    String currency() {
        return currency;
    }

    byte[] sealed() {
        return sealed;
    }

    /** The receipt, once submitted. */
    public synchronized @Nullable Receipt receipt() {
        return receipt;
    }

    synchronized void submitted(Receipt r) {
        receipt = r;
    }

    /** The size of the sealed answers, in bytes. */
    public int sealedSize() {
        return sealed.length;
    }
}
