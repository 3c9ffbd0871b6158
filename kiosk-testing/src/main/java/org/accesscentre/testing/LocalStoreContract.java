package org.accesscentre.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link LocalStore} must have. Run against the SQLite store and the in-memory fake,
 * so a test written against the fake means the same with the real store.
 */
public abstract class LocalStoreContract {
    protected static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private final Random random = new Random(11);
    private LocalStore store;

    /** A new, empty store. */
    protected abstract LocalStore newStore() throws StoreException;

    @BeforeEach
    void openStore() throws StoreException {
        store = newStore();
    }

    @AfterEach
    void closeStore() throws StoreException {
        store.close();
    }

    protected NewSubmission submission(int sealedBytes, Instant at) {
        byte[] sealed = new byte[sealedBytes];
        random.nextBytes(sealed);
        return new NewSubmission("SOU", 3, UUID.randomUUID(), "birth-certificate", 3, 7, 2500, "XCD", at, sealed);
    }

    private Receipt submit(int bytes, Instant at) throws StoreException {
        return store.submit(submission(bytes, at));
    }

    private static List<Long> sequences(List<OutboxItem> items) {
        return items.stream().map(OutboxItem::sequence).toList();
    }

    @Test
    void receiptsNumberSubmissionsInOrderFromOne() throws Exception {
        Receipt a = submit(100, T0);
        Receipt b = submit(100, T0.minusSeconds(3600)); // the kiosk clock went back: order is by sequence
        assertEquals(new ReferenceNumber("SOU", 3, 1), a.reference());
        assertEquals(new ReferenceNumber("SOU", 3, 2), b.reference());
        assertEquals(List.of(1L, 2L), sequences(store.takeBatch(10, Long.MAX_VALUE, T0)));
    }

    @Test
    void aSubmissionIsFoundByItsReference() throws Exception {
        NewSubmission s = submission(120, T0);
        Receipt r = store.submit(s);
        SubmissionRecord found = store.lookup(r.reference()).orElseThrow();
        assertEquals(s.transactionId(), found.transactionId());
        assertEquals(r.reference().toString(), found.reference());
        assertEquals("birth-certificate", found.serviceId());
        assertEquals(2500, found.feeCents());
        assertEquals(T0, found.createdAt());
        assertEquals(SyncState.QUEUED, found.syncState());
        assertTrue(found.sealedPresent());
        assertTrue(store.lookup(new ReferenceNumber("SOU", 3, 99)).isEmpty());
        assertTrue(store.lookup(new ReferenceNumber("CAS", 3, 1)).isEmpty(), "another kiosk's number");
    }

    @Test
    void batchesAreOldestFirstAndBoundedByCountAndBytes() throws Exception {
        for (int i = 0; i < 10; i++) {
            submit(1000, T0);
        }
        assertEquals(List.of(1L, 2L, 3L), sequences(store.takeBatch(3, Long.MAX_VALUE, T0)));
        assertEquals(List.of(4L, 5L), sequences(store.takeBatch(10, 2500, T0)));
        List<OutboxItem> one = store.takeBatch(10, 10, T0);
        assertEquals(List.of(6L), sequences(one), "always at least one item, however large");
        assertEquals(1000, one.getFirst().sealedSize());
    }

    @Test
    void itemsInFlightAreNeverTakenAgain() throws Exception {
        for (int i = 0; i < 5; i++) {
            submit(100, T0);
        }
        List<OutboxItem> first = store.takeBatch(3, Long.MAX_VALUE, T0);
        List<OutboxItem> second = store.takeBatch(10, Long.MAX_VALUE, T0);
        assertEquals(List.of(1L, 2L, 3L), sequences(first));
        assertEquals(List.of(4L, 5L), sequences(second));
        assertEquals(List.of(), store.takeBatch(10, Long.MAX_VALUE, T0));
        assertEquals(5, store.stats(T0).inFlight());
    }

    @Test
    void aRetryWaitsForItsNextAttemptTime() throws Exception {
        submit(100, T0);
        submit(100, T0);
        List<OutboxItem> batch = store.takeBatch(10, Long.MAX_VALUE, T0);
        store.markRetry(sequences(batch), T0.plusSeconds(30), "portal unreachable");
        assertEquals(List.of(), store.takeBatch(10, Long.MAX_VALUE, T0.plusSeconds(29)));
        List<OutboxItem> again = store.takeBatch(10, Long.MAX_VALUE, T0.plusSeconds(30));
        assertEquals(List.of(1L, 2L), sequences(again));
        assertEquals(1, again.getFirst().attempts());
    }

    @Test
    void acknowledgedSubmissionsLeaveTheQueueAndKeepTheirReceipt() throws Exception {
        Receipt r = submit(100, T0);
        submit(100, T0);
        store.markAcknowledged(sequences(store.takeBatch(1, Long.MAX_VALUE, T0)), T0.plusSeconds(5));
        QueueStats stats = store.stats(T0);
        assertEquals(1, stats.depth());
        SubmissionRecord rec = store.lookup(r.reference()).orElseThrow();
        assertEquals(SyncState.ACKNOWLEDGED, rec.syncState());
        assertEquals(T0.plusSeconds(5), rec.acknowledgedAt());
        assertEquals(List.of(2L), sequences(store.takeBatch(10, Long.MAX_VALUE, T0)));
    }

    @Test
    void aRejectionIsFinalAndKeepsItsReason() throws Exception {
        Receipt r = submit(100, T0);
        store.takeBatch(10, Long.MAX_VALUE, T0);
        store.markRejected(1, "full-name: answer.required", T0);
        store.markRetry(List.of(1L), T0, "a late retry must not revive it");
        store.markAcknowledged(List.of(1L), T0);
        SubmissionRecord rec = store.lookup(r.reference()).orElseThrow();
        assertEquals(SyncState.REJECTED, rec.syncState());
        assertEquals("full-name: answer.required", rec.rejectedReason());
        assertEquals(0, store.stats(T0).depth());
        assertEquals(List.of(), store.takeBatch(10, Long.MAX_VALUE, T0.plusSeconds(3600)));
    }

    @Test
    void anOldRetryIsNeverSkippedWhileNewerSubmissionsAreAcknowledgedAroundIt() throws Exception {
        for (int i = 0; i < 6; i++) {
            submit(100, T0);
        }
        store.takeBatch(6, Long.MAX_VALUE, T0);
        store.markRetry(List.of(2L), T0.plusSeconds(600), "timed out");
        store.markAcknowledged(List.of(1L, 3L, 4L, 6L), T0);
        store.markRejected(5, "rejected", T0);
        assertEquals(new QueueStats(1, 0, Duration.ZERO, 100), store.stats(T0));
        assertEquals(List.of(), store.takeBatch(10, Long.MAX_VALUE, T0));
        assertEquals(List.of(2L), sequences(store.takeBatch(10, Long.MAX_VALUE, T0.plusSeconds(600))));
        store.markAcknowledged(List.of(2L), T0);
        submit(100, T0);
        assertEquals(List.of(7L), sequences(store.takeBatch(10, Long.MAX_VALUE, T0)));
        assertEquals(1, store.stats(T0).depth());
    }

    @Test
    void afterACrashEverythingInFlightIsQueuedAgain() throws Exception {
        for (int i = 0; i < 4; i++) {
            submit(100, T0);
        }
        store.takeBatch(3, Long.MAX_VALUE, T0);
        assertEquals(3, store.requeueInFlight());
        assertEquals(0, store.stats(T0).inFlight());
        assertEquals(List.of(1L, 2L, 3L, 4L), sequences(store.takeBatch(10, Long.MAX_VALUE, T0)));
    }

    @Test
    void statusesAreRecordedAndAnOlderOneNeverOverwritesANewerOne() throws Exception {
        Receipt r = submit(100, T0);
        String ref = r.reference().toString();
        UUID tx = r.transactionId();
        store.recordStatuses(
                List.of(new StatusUpdate(tx, ref, "in_progress", "CR-2026-0042", "We are working on it", T0, 2)),
                "cursor-2");
        store.recordStatuses(List.of(new StatusUpdate(tx, ref, "received", null, "Received", T0, 1)), "cursor-3");
        SubmissionRecord rec = store.lookup(r.reference()).orElseThrow();
        assertEquals("in_progress", rec.status());
        assertEquals("CR-2026-0042", rec.caseNumber());
        assertEquals("We are working on it", rec.statusMessage());
        assertEquals("cursor-3", store.statusCursor().orElseThrow());

        store.recordStatuses(
                List.of(new StatusUpdate(
                        tx, ref, "ready_to_collect", null, "Ready at Soufrière", T0.plusSeconds(60), 3)),
                null);
        rec = store.lookup(r.reference()).orElseThrow();
        assertEquals("ready_to_collect", rec.status());
        assertEquals("CR-2026-0042", rec.caseNumber(), "a change without a case number keeps the one known");
        assertEquals("cursor-3", store.statusCursor().orElseThrow());
    }

    @Test
    void aStatusForAnotherTransactionIsIgnored() throws Exception {
        Receipt r = submit(100, T0);
        store.recordStatuses(
                List.of(new StatusUpdate(UUID.randomUUID(), r.reference().toString(), "approved", null, null, T0, 1)),
                null);
        assertNull(store.lookup(r.reference()).orElseThrow().status());
        assertTrue(store.statusCursor().isEmpty());
    }

    @Test
    void statsGiveDepthOldestAgeAndBytesWaiting() throws Exception {
        assertEquals(new QueueStats(0, 0, null, 0), store.stats(T0));
        submit(300, T0.minusSeconds(600));
        submit(200, T0.minusSeconds(60));
        submit(100, T0);
        store.takeBatch(1, Long.MAX_VALUE, T0);
        assertEquals(new QueueStats(3, 1, Duration.ofMinutes(10), 600), store.stats(T0));
        store.markAcknowledged(List.of(1L), T0);
        assertEquals(new QueueStats(2, 0, Duration.ofMinutes(1), 300), store.stats(T0));
        assertEquals(new SyncCounts(2, 0, 1, 0), store.counts(), "every receipt counts, sent or not");
        store.takeBatch(1, Long.MAX_VALUE, T0);
        assertEquals(new SyncCounts(1, 1, 1, 0), store.counts());
    }

    @Test
    void retentionClearsOnlyOldAcknowledgedPayloadsAndKeepsTheReceipt() throws Exception {
        Receipt old = submit(100, T0);
        Receipt recent = submit(100, T0);
        Receipt unsent = submit(100, T0);
        store.takeBatch(2, Long.MAX_VALUE, T0);
        store.markAcknowledged(List.of(1L), T0);
        store.markAcknowledged(List.of(2L), T0.plus(Duration.ofDays(20)));
        assertEquals(1, store.purgeSealed(T0.plus(Duration.ofDays(10))));
        assertFalse(store.lookup(old.reference()).orElseThrow().sealedPresent());
        assertEquals(
                SyncState.ACKNOWLEDGED,
                store.lookup(old.reference()).orElseThrow().syncState());
        assertTrue(store.lookup(recent.reference()).orElseThrow().sealedPresent());
        assertTrue(store.lookup(unsent.reference()).orElseThrow().sealedPresent());
        assertEquals(0, store.purgeSealed(T0.plus(Duration.ofDays(10))));
    }

    @Test
    void aWipeDestroysSentPayloadsAndOnlyWhenToldAlsoUnsentOnes() throws Exception {
        Receipt sent = submit(100, T0);
        Receipt queued = submit(100, T0);
        store.takeBatch(1, Long.MAX_VALUE, T0);
        store.markAcknowledged(List.of(1L), T0);
        assertEquals(1, store.wipeSealed(false, "wiped by the ICT office", T0));
        assertFalse(store.lookup(sent.reference()).orElseThrow().sealedPresent());
        SubmissionRecord stillQueued = store.lookup(queued.reference()).orElseThrow();
        assertTrue(stillQueued.sealedPresent());
        assertEquals(SyncState.QUEUED, stillQueued.syncState());

        assertEquals(1, store.wipeSealed(true, "wiped by the ICT office", T0));
        SubmissionRecord wiped = store.lookup(queued.reference()).orElseThrow();
        assertFalse(wiped.sealedPresent());
        assertEquals(SyncState.REJECTED, wiped.syncState());
        assertEquals("wiped by the ICT office", wiped.rejectedReason());
        assertEquals(0, store.stats(T0).depth());
        assertEquals(List.of(), store.takeBatch(10, Long.MAX_VALUE, T0));
    }

    @Test
    void deviceStateIsKeptByKey() throws Exception {
        assertTrue(store.state("sync").isEmpty());
        store.putState("sync", "{\"online\":false}", T0);
        store.putState("sync", "{\"online\":true}", T0);
        store.putState("lock", "{}", T0);
        assertEquals("{\"online\":true}", store.state("sync").orElseThrow());
        assertEquals("{}", store.state("lock").orElseThrow());
    }

    @Test
    void aSequenceFloorFromThePortalIsNeverLowered() throws Exception {
        submit(10, T0);
        store.raiseSequenceFloor(1000);
        store.raiseSequenceFloor(10);
        assertEquals(1001, submit(10, T0).reference().sequence());
        assertEquals(1002, submit(10, T0).reference().sequence());
    }
}
