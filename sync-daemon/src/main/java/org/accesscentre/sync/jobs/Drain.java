package org.accesscentre.sync.jobs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.accesscentre.core.store.LocalStore;
import org.accesscentre.core.store.OutboxItem;
import org.accesscentre.core.store.StoreException;
import org.accesscentre.core.wire.IngestBatch;
import org.accesscentre.core.wire.IngestResult;
import org.accesscentre.core.wire.ItemResult;
import org.accesscentre.sync.net.Failure;
import org.accesscentre.sync.net.PortalException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox: oldest first, in batches of about 64 KB, each marked in flight before it is sent and
 * marked by the portal's answer for each item afterwards. Nothing is marked acknowledged unless the portal
 * said accepted or duplicate; after a crash, whatever was in flight is sent again, which the portal's
 * idempotency makes harmless.
 */
public final class Drain {
    private static final Logger LOG = LoggerFactory.getLogger(Drain.class);

    /** Sealed bytes per batch: ciphertext does not compress, so this is about what goes on the wire. */
    public static final long DEFAULT_BATCH_BYTES = 60 * 1024;

    public static final int MAX_ITEMS = 500;

    /**
     * What one batch may hold, items and sealed bytes, whichever fills first. A batch holds at least one
     * item, however large. {@link #ONE_AT_A_TIME} is one request per submission: the baseline that
     * batching is measured against.
     */
    public record BatchLimits(int maxItems, long maxBytes) {
        public static final BatchLimits DEFAULT = new BatchLimits(MAX_ITEMS, DEFAULT_BATCH_BYTES);
        public static final BatchLimits ONE_AT_A_TIME = new BatchLimits(1, DEFAULT_BATCH_BYTES);

        public BatchLimits {
            if (maxItems < 1 || maxItems > MAX_ITEMS || maxBytes < 1) {
                throw new IllegalArgumentException(
                        "a batch holds 1 to " + MAX_ITEMS + " items and a positive number of bytes");
            }
        }
    }

    /** How long an item the portal answered with an outcome we do not know waits before it is sent again. */
    static final java.time.Duration UNDECIDED_WAIT = java.time.Duration.ofMinutes(1);

    /** Sends one batch and returns the portal's answer. */
    @FunctionalInterface
    public interface Sender {
        IngestResult send(IngestBatch batch) throws PortalException;
    }

    /** What happened in one call to {@link #run}. */
    public record Report(
            int acknowledged,
            int rejected,
            int retried,
            int batches,
            @Nullable Failure failure) {
        public boolean stoppedByFailure() {
            return failure != null;
        }
    }

    private final LocalStore store;
    private final int maxItems;
    private long batchBytes;
    /** After a 4xx on a batch, items go one at a time until the one the portal refuses is found. */
    private int isolate;

    public Drain(LocalStore store) {
        this(store, BatchLimits.DEFAULT);
    }

    public Drain(LocalStore store, BatchLimits limits) {
        this.store = store;
        this.maxItems = limits.maxItems();
        this.batchBytes = limits.maxBytes();
    }

    /**
     * Sends batches until the outbox has nothing due, or a failure says to wait; then every item of the
     * failed batch goes back to the queue until {@code retryAt} gives a time.
     */
    public Report run(Sender sender, Instant now, java.util.function.Function<Failure, Instant> retryAt)
            throws StoreException {
        int acknowledged = 0;
        int rejected = 0;
        int retried = 0;
        int batches = 0;
        while (true) {
            List<OutboxItem> batch = store.takeBatch(isolate > 0 ? 1 : maxItems, batchBytes, now);
            if (batch.isEmpty()) {
                return new Report(acknowledged, rejected, retried, batches, null);
            }
            batches++;
            List<Long> sequences = batch.stream().map(OutboxItem::sequence).toList();
            IngestResult result;
            try {
                result = sender.send(
                        new IngestBatch(batch.stream().map(OutboxItem::toWire).toList()));
            } catch (PortalException e) {
                Failure f = e.failure();
                if (f.kind() == Failure.Kind.TOO_LARGE && batch.size() > 1) {
                    batchBytes = Math.max(1, batchBytes / 2);
                    store.markRetry(sequences, now, f.reason());
                    continue;
                }
                if (f.kind() == Failure.Kind.REFUSED || f.kind() == Failure.Kind.TOO_LARGE) {
                    if (batch.size() > 1) {
                        isolate = batch.size();
                        store.markRetry(sequences, now, f.reason());
                        continue;
                    }
                    // The portal refuses this one item, alone: it will never take it.
                    store.markRejected(sequences.getFirst(), f.reason(), now);
                    LOG.warn(
                            "the portal refused {} for good: {}",
                            batch.getFirst().reference(),
                            f.reason());
                    rejected++;
                    isolate = Math.max(0, isolate - 1);
                    continue;
                }
                store.markRetry(sequences, retryAt.apply(f), f.reason());
                return new Report(acknowledged, rejected, retried + batch.size(), batches, f);
            }
            LOG.info(
                    "the portal answered for {} submissions, {} to {}",
                    batch.size(),
                    batch.getFirst().reference(),
                    batch.getLast().reference());
            isolate = Math.max(0, isolate - batch.size());
            int[] counts = apply(batch, result, now);
            acknowledged += counts[0];
            rejected += counts[1];
            retried += counts[2];
            if (counts[0] + counts[1] == 0) {
                // The portal decided nothing (a newer portal's outcome we do not know): come back later.
                return new Report(acknowledged, rejected, retried, batches, null);
            }
        }
    }

    /** Marks each item by its own answer; an item the answer does not mention is retried. */
    private int[] apply(List<OutboxItem> batch, IngestResult result, Instant now) throws StoreException {
        Map<UUID, ItemResult> byId = new HashMap<>();
        for (ItemResult r : result.results()) {
            if (r != null && r.transactionId() != null) {
                byId.put(r.transactionId(), r);
            }
        }
        List<Long> acked = new ArrayList<>();
        List<Long> retry = new ArrayList<>();
        int rejected = 0;
        for (OutboxItem item : batch) {
            ItemResult r = byId.get(item.transactionId());
            if (r != null && r.outcome().stored()) {
                acked.add(item.sequence());
            } else if (r != null && r.outcome().finalRefusal()) {
                store.markRejected(item.sequence(), reason(r), now);
                LOG.warn("the portal answered {} for {}: {}", r.outcome(), item.reference(), reason(r));
                rejected++;
            } else {
                retry.add(item.sequence());
            }
        }
        store.markAcknowledged(acked, now);
        store.markRetry(retry, now.plus(UNDECIDED_WAIT), "the portal did not decide on it yet");
        return new int[] {acked.size(), rejected, retry.size()};
    }

    private static String reason(ItemResult r) {
        String problems =
                r.problems().stream().map(p -> p.field() + ": " + p.code()).collect(Collectors.joining("; "));
        String base =
                r.outcome().name().toLowerCase(java.util.Locale.ROOT) + (r.reason() == null ? "" : ": " + r.reason());
        return problems.isEmpty() ? base : base + " (" + problems + ")";
    }
}
