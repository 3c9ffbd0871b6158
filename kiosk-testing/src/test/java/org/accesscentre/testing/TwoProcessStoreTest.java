package org.accesscentre.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.accesscentre.core.reference.ReferenceNumber;
import org.accesscentre.core.store.OutboxItem;
import org.accesscentre.core.store.SqliteStore;
import org.accesscentre.core.store.StoreOptions;
import org.accesscentre.core.store.SubmissionRecord;
import org.accesscentre.core.store.SyncState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One process submits (as kiosk-app does) while this one drains the same file with two connections (as
 * sync-daemon does, twice over): no row is lost, no busy error reaches either side, and no row is ever in
 * two batches at once.
 */
class TwoProcessStoreTest {
    private static final int SUBMISSIONS = 1200;

    @TempDir
    Path dir;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();

    @Test
    void oneProcessSubmitsWhileAnotherTakesAndMarksBatches() throws Exception {
        Path file = dir.resolve("kiosk.db");
        Path stderr = dir.resolve("child.err");
        Process child =
                ChildJvm.start(SubmitLoop.class, List.of(file.toString(), Integer.toString(SUBMISSIONS), "42"), stderr);
        Receipts receipts = new Receipts(child);
        AtomicBoolean childDone = new AtomicBoolean();
        Set<Long> inFlight = ConcurrentHashMap.newKeySet();
        AtomicInteger takenTwice = new AtomicInteger();

        ExecutorService pool = Executors.newFixedThreadPool(3);
        try (SqliteStore a = SqliteStore.open(file, StoreOptions.DEFAULTS);
                SqliteStore b = SqliteStore.open(file, StoreOptions.DEFAULTS)) {
            Future<?> reader = pool.submit(() -> {
                while (receipts.awaitReceipts(1)) {
                    signal();
                }
                childDone.set(true);
                signal();
                return null;
            });
            Future<int[]> wa = pool.submit(() -> drain(a, new Random(1), childDone, inFlight, takenTwice));
            Future<int[]> wb = pool.submit(() -> drain(b, new Random(2), childDone, inFlight, takenTwice));
            reader.get(5, TimeUnit.MINUTES);
            int[] ca = wa.get(5, TimeUnit.MINUTES);
            int[] cb = wb.get(5, TimeUnit.MINUTES);

            assertEquals(0, child.waitFor(), "the submitting process failed: " + Files.readString(stderr));
            assertEquals("", Files.readString(stderr).strip(), "errors in the submitting process");
            assertEquals(0, takenTwice.get(), "rows were in two batches at once");
            assertEquals(SUBMISSIONS, receipts.printed.size());
            assertEquals(SUBMISSIONS, ca[0] + cb[0] + ca[1] + cb[1], "acknowledged + rejected");
            assertTrue(ca[2] + cb[2] > 0, "some batches were retried");

            int acknowledged = 0;
            for (Receipts.Printed p : receipts.printed) {
                SubmissionRecord rec = a.lookup(
                                ReferenceNumber.parse(p.reference()).orElseThrow())
                        .orElseThrow(() -> new AssertionError("lost " + p.reference()));
                assertTrue(rec.syncState() == SyncState.ACKNOWLEDGED || rec.syncState() == SyncState.REJECTED);
                acknowledged += rec.syncState() == SyncState.ACKNOWLEDGED ? 1 : 0;
            }
            assertEquals(ca[0] + cb[0], acknowledged);
            assertEquals(0, a.stats(Instant.now()).depth());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Drains like the daemon: acknowledges most, rejects a few, retries some. Returns {acked, rejected, retried}. */
    private int[] drain(
            SqliteStore store, Random random, AtomicBoolean childDone, Set<Long> inFlight, AtomicInteger takenTwice)
            throws Exception {
        int acked = 0;
        int rejected = 0;
        int retried = 0;
        while (true) {
            List<OutboxItem> batch = store.takeBatch(1 + random.nextInt(40), 64 * 1024, Instant.now());
            if (batch.isEmpty()) {
                if (childDone.get() && store.stats(Instant.now()).depth() == 0) {
                    return new int[] {acked, rejected, retried};
                }
                awaitWork();
                continue;
            }
            for (OutboxItem item : batch) {
                if (!inFlight.add(item.sequence())) {
                    takenTwice.incrementAndGet();
                }
            }
            List<Long> ack = new ArrayList<>();
            List<Long> retry = new ArrayList<>();
            for (OutboxItem item : batch) {
                // Leave the in-flight set before the store lets the row go, never after.
                inFlight.remove(item.sequence());
                int roll = random.nextInt(100);
                if (roll < 3) {
                    store.markRejected(item.sequence(), "rejected by the test", Instant.now());
                    rejected++;
                } else if (roll < 18) {
                    retry.add(item.sequence());
                } else {
                    ack.add(item.sequence());
                }
            }
            store.markAcknowledged(ack, Instant.now());
            store.markRetry(retry, Instant.now(), "retried by the test");
            acked += ack.size();
            retried += retry.isEmpty() ? 0 : 1;
            if (!retry.isEmpty()) {
                signal();
            }
        }
    }

    private void signal() {
        lock.lock();
        try {
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void awaitWork() throws InterruptedException {
        lock.lock();
        try {
            // Woken by every new receipt and every retry; the timeout only covers a signal sent just before.
            work.await(50, TimeUnit.MILLISECONDS);
        } finally {
            lock.unlock();
        }
    }
}
