package org.accesscentre.core.store;

import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.accesscentre.core.wire.IngestItem;
import org.jspecify.annotations.Nullable;

/** A submission taken from the outbox to be sent, now marked in flight. */
public record OutboxItem(
        long sequence,
        UUID transactionId,
        String reference,
        String serviceId,
        int serviceVersion,
        long catalogueVersion,
        long feeCents,
        @Nullable String currency,
        Instant createdAt,
        int attempts,
        byte[] sealed) {

    public OutboxItem {
        sealed = sealed.clone();
    }

    @Override
    public byte[] sealed() {
        return sealed.clone();
    }

    public int sealedSize() {
        return sealed.length;
    }

    /** The item as the portal's ingest endpoint takes it. */
    public IngestItem toWire() {
        return new IngestItem(
                transactionId,
                reference,
                serviceId,
                serviceVersion,
                catalogueVersion,
                sequence,
                createdAt,
                feeCents,
                currency,
                Base64.getEncoder().encodeToString(sealed));
    }
}
