package org.accesscentre.core.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One sealed submission in an ingest batch.
 *
 * @param transactionId made on the kiosk; the portal stores it under a unique constraint, which makes every
 *     resend idempotent
 * @param sequence the kiosk's own sequence number: the order of this kiosk's submissions
 * @param kioskTime the kiosk's clock when the citizen submitted; recorded, never trusted for order
 * @param sealed the envelope, base64
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IngestItem(
        UUID transactionId,
        String reference,
        String serviceId,
        int serviceVersion,
        long catalogueVersion,
        long sequence,
        Instant kioskTime,
        long feeCents,
        @Nullable String currency,
        String sealed) {}
