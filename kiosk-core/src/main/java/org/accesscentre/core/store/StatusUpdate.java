package org.accesscentre.core.store;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A change of an agency's status for one submission, from the portal's feed.
 *
 * @param version the portal's change number for this transaction; an update older than the one stored
 *     is ignored, so a feed delivered twice or out of order does no harm
 * @param at the portal's clock
 */
public record StatusUpdate(
        UUID transactionId,
        String reference,
        String status,
        @Nullable String caseNumber,
        @Nullable String message,
        Instant at,
        long version) {}
