package org.accesscentre.core.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An agency's status for one transaction, as the status feed and the lookup by reference give it.
 *
 * @param status received, in_progress, needs_information, approved, rejected, ready_to_collect or completed
 * @param message the agency's words to the citizen
 * @param at the portal's clock
 * @param version increases with every change of this transaction's status
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StatusChange(
        UUID transactionId,
        String reference,
        String status,
        @Nullable String caseNumber,
        @Nullable String message,
        Instant at,
        long version) {}
