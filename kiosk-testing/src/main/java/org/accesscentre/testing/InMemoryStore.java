package org.accesscentre.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.accesscentre.core.reference.ReferenceNumber;
import org.accesscentre.core.store.LocalStore;
import org.accesscentre.core.store.NewSubmission;
import org.accesscentre.core.store.OutboxItem;
import org.accesscentre.core.store.QueueStats;
import org.accesscentre.core.store.Receipt;
import org.accesscentre.core.store.StatusUpdate;
import org.accesscentre.core.store.StoreException;
import org.accesscentre.core.store.SubmissionRecord;
import org.accesscentre.core.store.SyncCounts;
import org.accesscentre.core.store.SyncState;
import org.jspecify.annotations.Nullable;

/**
 * The local store in memory, for view-model and daemon tests that need no disk. {@code LocalStoreContract}
 * runs the same tests against it and the SQLite store, so the two cannot drift apart.
 */
public final class InMemoryStore implements LocalStore {
    private final TreeMap<Long, Row> rows = new TreeMap<>();
    private long sequenceFloor;
    private @Nullable String cursor;
    private final java.util.Map<String, String> states = new java.util.HashMap<>();
    private boolean closed;

    private static final class Row {
        final NewSubmission submission;
        final ReferenceNumber reference;
        byte @Nullable [] sealed;
        SyncState state = SyncState.QUEUED;
        int attempts;
        Instant nextAttempt = Instant.EPOCH;

        @Nullable
        Instant acknowledgedAt;

        @Nullable
        String rejectedReason;

        @Nullable
        String status;

        @Nullable
        String statusMessage;

        @Nullable
        String caseNumber;

        @Nullable
        Instant statusAt;

        long statusVersion = Long.MIN_VALUE;

        Row(NewSubmission submission, ReferenceNumber reference) {
            this.submission = submission;
            this.reference = reference;
            this.sealed = submission.sealed();
        }

        boolean unsent() {
            return state == SyncState.QUEUED || state == SyncState.IN_FLIGHT;
        }
    }

    @Override
    public synchronized Receipt submit(NewSubmission s) throws StoreException {
        open();
        long sequence = Math.max(rows.isEmpty() ? 0 : rows.lastKey(), sequenceFloor) + 1;
        if (sequence > ReferenceNumber.MAX_SEQUENCE) {
            throw new StoreException("this kiosk has used every reference number; ask the ICT office");
        }
        ReferenceNumber reference = new ReferenceNumber(s.centre(), s.kiosk(), sequence);
        rows.put(sequence, new Row(s, reference));
        return new Receipt(reference, s.transactionId(), s.createdAt());
    }

    @Override
    public synchronized List<OutboxItem> takeBatch(int maxItems, long maxBytes, Instant now) throws StoreException {
        open();
        List<OutboxItem> batch = new ArrayList<>();
        long bytes = 0;
        for (var e : rows.entrySet()) {
            Row r = e.getValue();
            if (batch.size() >= maxItems) {
                break;
            }
            if (r.state != SyncState.QUEUED || r.nextAttempt.isAfter(now) || r.sealed == null) {
                continue;
            }
            if (!batch.isEmpty() && bytes + r.sealed.length > maxBytes) {
                break;
            }
            bytes += r.sealed.length;
            NewSubmission s = r.submission;
            batch.add(new OutboxItem(
                    e.getKey(),
                    s.transactionId(),
                    r.reference.toString(),
                    s.serviceId(),
                    s.serviceVersion(),
                    s.catalogueVersion(),
                    s.feeCents(),
                    s.currency(),
                    s.createdAt(),
                    r.attempts,
                    r.sealed));
        }
        batch.forEach(i -> rows.get(i.sequence()).state = SyncState.IN_FLIGHT);
        return batch;
    }

    @Override
    public synchronized void markAcknowledged(Collection<Long> sequences, Instant at) throws StoreException {
        open();
        for (long seq : sequences) {
            Row r = rows.get(seq);
            if (r != null && r.unsent()) {
                r.state = SyncState.ACKNOWLEDGED;
                r.acknowledgedAt = at;
            }
        }
    }

    @Override
    public synchronized void markRejected(long sequence, String reason, Instant at) throws StoreException {
        open();
        Row r = rows.get(sequence);
        if (r != null && r.unsent()) {
            r.state = SyncState.REJECTED;
            r.rejectedReason = reason;
        }
    }

    @Override
    public synchronized void markRetry(Collection<Long> sequences, Instant nextAttempt, String error)
            throws StoreException {
        open();
        for (long seq : sequences) {
            Row r = rows.get(seq);
            if (r != null && r.unsent()) {
                r.state = SyncState.QUEUED;
                r.attempts++;
                r.nextAttempt = nextAttempt;
            }
        }
    }

    @Override
    public synchronized int requeueInFlight() throws StoreException {
        open();
        int n = 0;
        for (Row r : rows.values()) {
            if (r.state == SyncState.IN_FLIGHT) {
                r.state = SyncState.QUEUED;
                n++;
            }
        }
        return n;
    }

    @Override
    public synchronized void recordStatuses(List<StatusUpdate> updates, @Nullable String newCursor)
            throws StoreException {
        open();
        for (StatusUpdate u : updates) {
            Optional<ReferenceNumber> ref = ReferenceNumber.parse(u.reference());
            Row r = ref.map(x -> rows.get(x.sequence())).orElse(null);
            if (r == null
                    || !r.submission.transactionId().equals(u.transactionId())
                    || r.statusVersion >= u.version()) {
                continue;
            }
            r.status = u.status();
            if (u.caseNumber() != null) {
                r.caseNumber = u.caseNumber();
            }
            r.statusMessage = u.message();
            r.statusAt = u.at();
            r.statusVersion = u.version();
        }
        if (newCursor != null) {
            cursor = newCursor;
        }
    }

    @Override
    public synchronized Optional<String> statusCursor() throws StoreException {
        open();
        return Optional.ofNullable(cursor);
    }

    @Override
    public synchronized Optional<SubmissionRecord> lookup(ReferenceNumber reference) throws StoreException {
        open();
        Row r = rows.get(reference.sequence());
        if (r == null || !r.reference.equals(reference)) {
            return Optional.empty();
        }
        NewSubmission s = r.submission;
        return Optional.of(new SubmissionRecord(
                reference.sequence(),
                r.reference.toString(),
                s.transactionId(),
                s.serviceId(),
                s.serviceVersion(),
                s.createdAt(),
                s.feeCents(),
                s.currency(),
                r.state,
                r.acknowledgedAt,
                r.rejectedReason,
                r.status,
                r.statusMessage,
                r.caseNumber,
                r.statusAt,
                r.sealed != null));
    }

    @Override
    public synchronized QueueStats stats(Instant now) throws StoreException {
        open();
        int depth = 0;
        int inFlight = 0;
        long bytes = 0;
        Instant oldest = null;
        for (Row r : rows.values()) {
            if (!r.unsent()) {
                continue;
            }
            depth++;
            inFlight += r.state == SyncState.IN_FLIGHT ? 1 : 0;
            bytes += r.sealed == null ? 0 : r.sealed.length;
            if (oldest == null || r.submission.createdAt().isBefore(oldest)) {
                oldest = r.submission.createdAt();
            }
        }
        Duration age =
                oldest == null ? null : Duration.ofMillis(Math.max(0, now.toEpochMilli() - oldest.toEpochMilli()));
        return new QueueStats(depth, inFlight, age, bytes);
    }

    @Override
    public synchronized SyncCounts counts() throws StoreException {
        open();
        long[] n = new long[SyncState.values().length];
        rows.values().forEach(r -> n[r.state.ordinal()]++);
        return new SyncCounts(
                n[SyncState.QUEUED.ordinal()],
                n[SyncState.IN_FLIGHT.ordinal()],
                n[SyncState.ACKNOWLEDGED.ordinal()],
                n[SyncState.REJECTED.ordinal()]);
    }

    @Override
    public synchronized int purgeSealed(Instant cutoff) throws StoreException {
        open();
        int n = 0;
        for (Row r : rows.values()) {
            if (r.state == SyncState.ACKNOWLEDGED
                    && r.acknowledgedAt != null
                    && r.acknowledgedAt.isBefore(cutoff)
                    && r.sealed != null) {
                r.sealed = null;
                n++;
            }
        }
        return n;
    }

    @Override
    public synchronized int wipeSealed(boolean includeUnsent, String reason, Instant at) throws StoreException {
        open();
        int n = 0;
        for (Row r : rows.values()) {
            if (r.sealed == null) {
                continue;
            }
            if (!r.unsent()) {
                r.sealed = null;
                n++;
            } else if (includeUnsent) {
                r.sealed = null;
                r.state = SyncState.REJECTED;
                r.rejectedReason = reason;
                n++;
            }
        }
        return n;
    }

    @Override
    public synchronized Optional<String> state(String key) throws StoreException {
        open();
        return Optional.ofNullable(states.get(key));
    }

    @Override
    public synchronized void putState(String key, String json, Instant at) throws StoreException {
        open();
        states.put(key, json);
    }

    @Override
    public synchronized void raiseSequenceFloor(long floor) throws StoreException {
        open();
        if (floor < 0 || floor >= ReferenceNumber.MAX_SEQUENCE) {
            throw new IllegalArgumentException("sequence floor out of range: " + floor);
        }
        sequenceFloor = Math.max(sequenceFloor, floor);
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    private void open() throws StoreException {
        if (closed) {
            throw new StoreException("the store is closed");
        }
    }
}
