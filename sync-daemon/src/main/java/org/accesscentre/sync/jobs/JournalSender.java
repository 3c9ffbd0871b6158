package org.accesscentre.sync.jobs;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.accesscentre.core.store.Journal;
import org.accesscentre.core.store.StoreException;
import org.accesscentre.core.wire.DeviceEvent;
import org.accesscentre.core.wire.EventBatch;
import org.accesscentre.core.wire.EventBatchResult;
import org.accesscentre.sync.net.Failure;
import org.accesscentre.sync.net.Failures;
import org.accesscentre.sync.net.PortalException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the kiosk's journal: the oldest unsent entries, a batch at a time, each batch marked sent only when the
 * portal answered that it holds all of them. A failed batch stays unsent for the next round; resending it is
 * harmless, since the portal stores each entry id once. An entry the portal refuses on its own stays unsent on
 * the kiosk (and counted as waiting) while the entries behind it go on.
 */
public final class JournalSender {
    private static final Logger LOG = LoggerFactory.getLogger(JournalSender.class);

    /** Entries per batch: a few hundred bytes each, so about one outbox batch's worth on the wire. */
    public static final int BATCH = 200;

    /** Sends one batch and returns the portal's answer. */
    @FunctionalInterface
    public interface Sender {
        EventBatchResult send(EventBatch batch) throws PortalException;
    }

    private final Journal journal;
    private int batchSize = BATCH;
    /** After a 4xx on a batch, entries go one at a time until the one the portal refuses is found. */
    private int isolate;
    /** Entries the portal refused alone; kept unsent on the kiosk, skipped until the daemon restarts. */
    private final Set<UUID> refused = new HashSet<>();

    public JournalSender(Journal journal) {
        this.journal = journal;
    }

    /**
     * Sends batches until nothing is waiting; returns how many entries the portal now holds.
     *
     * @throws PortalException when a batch failed in a way that says to wait (the link, the portal, a login page)
     */
    public int run(Sender sender, Instant now) throws StoreException, PortalException {
        int sent = 0;
        while (true) {
            int size = isolate > 0 ? 1 : batchSize;
            List<Journal.Entry> entries = journal.unsent(size + refused.size()).stream()
                    .filter(e -> !refused.contains(e.id()))
                    .limit(size)
                    .toList();
            if (entries.isEmpty()) {
                return sent;
            }
            EventBatchResult result;
            try {
                result = sender.send(new EventBatch(entries.stream()
                        .map(e -> new DeviceEvent(e.id(), e.sequence(), e.kind(), e.at(), e.body()))
                        .toList()));
            } catch (PortalException e) {
                if (!handled(e.failure(), entries)) {
                    throw e;
                }
                continue;
            }
            // The portal answers for every event it was sent; any other count is not the portal's answer.
            if (result.stored() < 0
                    || result.duplicates() < 0
                    || result.stored() + result.duplicates() != entries.size()) {
                throw new PortalException(Failures.notThePortal(200));
            }
            journal.markSent(entries.stream().map(Journal.Entry::id).toList(), now);
            sent += entries.size();
            isolate = Math.max(0, isolate - entries.size());
        }
    }

    /** What to do when the portal will not take this batch as it is; false means wait and send it again. */
    private boolean handled(Failure f, List<Journal.Entry> entries) {
        // Too much at once: send less (a batch holds at least one entry).
        if (f.kind() == Failure.Kind.TOO_LARGE && entries.size() > 1) {
            batchSize = Math.max(1, Math.min(batchSize, entries.size()) / 2);
            return true;
        }
        // Refused for what it holds: find the entry, one at a time.
        if ((f.kind() == Failure.Kind.REFUSED || f.kind() == Failure.Kind.TOO_LARGE) && entries.size() > 1) {
            isolate = entries.size();
            return true;
        }
        // This one entry, alone, the portal will never take: keep it here and let the others pass.
        if (f.kind() == Failure.Kind.REFUSED || f.kind() == Failure.Kind.TOO_LARGE) {
            Journal.Entry entry = entries.getFirst();
            refused.add(entry.id());
            isolate = Math.max(0, isolate - 1);
            LOG.warn(
                    "the portal refused journal entry {} ({} #{}): {}; it stays on this kiosk",
                    entry.id(),
                    entry.kind(),
                    entry.sequence(),
                    f.reason());
            return true;
        }
        return false;
    }
}
