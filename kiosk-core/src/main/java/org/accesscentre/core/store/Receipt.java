package org.accesscentre.core.store;

import java.time.Instant;
import java.util.UUID;
import org.accesscentre.core.reference.ReferenceNumber;

/** Proof that a submission is on disk: returned only after the commit. */
public record Receipt(ReferenceNumber reference, UUID transactionId, Instant createdAt) {}
