package org.accesscentre.core.store;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the kiosk can show about one submission: never its answers, which it cannot read. */
public record SubmissionRecord(
        long sequence,
        String reference,
        UUID transactionId,
        String serviceId,
        int serviceVersion,
        Instant createdAt,
        long feeCents,
        @Nullable String currency,
        SyncState syncState,
        @Nullable Instant acknowledgedAt,
        @Nullable String rejectedReason,
        @Nullable String status,
        @Nullable String statusMessage,
        @Nullable String caseNumber,
        @Nullable Instant statusAt,
        boolean sealedPresent) {}
