package org.accesscentre.core.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.accesscentre.core.reference.ReferenceNumber;
import org.jspecify.annotations.Nullable;

/**
 * The kiosk's durable queue of sealed submissions and their receipts and statuses.
 *
 * <p>kiosk-app calls {@link #submit}; sync-daemon drains the outbox with {@link #takeBatch} and the
 * {@code mark} methods, and records what the portal says. The two may be different processes on one file.
 */
public interface LocalStore extends AutoCloseable {

    /**
     * Stores a sealed submission under the next sequence number and returns its receipt. Returns only after
     * the commit is on disk: a receipt shown to a citizen survives a power cut a moment later.
     *
     * @throws StoreFullException if the store or the disk is full; nothing is changed
     */
    Receipt submit(NewSubmission submission) throws StoreException;

    /**
     * Takes the oldest queued submissions that are due, up to {@code maxItems} and {@code maxBytes} of sealed
     * payload (at least one, however large), and marks them in flight in the same transaction, so no
     * submission is ever in two batches at once.
     */
    List<OutboxItem> takeBatch(int maxItems, long maxBytes, Instant now) throws StoreException;

    /** The portal has these (accepted or duplicate): they leave the outbox. Ignores unknown sequences. */
    void markAcknowledged(Collection<Long> sequences, Instant at) throws StoreException;

    /** The portal refused this one for good; it leaves the outbox and is never sent again. */
    void markRejected(long sequence, String reason, Instant at) throws StoreException;

    /** These go back to the queue, not to be sent before {@code nextAttempt}. */
    void markRetry(Collection<Long> sequences, Instant nextAttempt, String error) throws StoreException;

    /** Puts everything in flight back in the queue, as the daemon does when it starts after a crash. */
    int requeueInFlight() throws StoreException;

    /**
     * Records statuses from the portal's feed together with the feed's new cursor, in one transaction, so
     * the feed resumes exactly where the stored statuses end.
     */
    void recordStatuses(List<StatusUpdate> updates, @Nullable String cursor) throws StoreException;

    Optional<String> statusCursor() throws StoreException;

    /** The submission with this reference number, if this kiosk made it. */
    Optional<SubmissionRecord> lookup(ReferenceNumber reference) throws StoreException;

    QueueStats stats(Instant now) throws StoreException;

    /** How many submissions this store holds in each sync state; a scan, for screens and tools, not loops. */
    SyncCounts counts() throws StoreException;

    /** Clears the sealed payload of submissions acknowledged before {@code cutoff}; receipts and statuses stay. */
    int purgeSealed(Instant cutoff) throws StoreException;

    /**
     * Destroys sealed payloads, as a wipe command orders: those already acknowledged or rejected always; with
     * {@code includeUnsent}, also those still queued, which are then rejected with {@code reason} and never
     * sent. Receipts and statuses stay. Returns how many payloads were destroyed.
     */
    int wipeSealed(boolean includeUnsent, String reason, Instant at) throws StoreException;

    /** A piece of shared device state (JSON), by key; see {@code org.accesscentre.core.state}. */
    Optional<String> state(String key) throws StoreException;

    void putState(String key, String json, Instant at) throws StoreException;

    /**
     * Raises the lowest sequence number the next submission may take: a re-installed kiosk is told by the
     * portal where its old numbering ended, so reference numbers never repeat.
     */
    void raiseSequenceFloor(long floor) throws StoreException;

    @Override
    void close() throws StoreException;
}
