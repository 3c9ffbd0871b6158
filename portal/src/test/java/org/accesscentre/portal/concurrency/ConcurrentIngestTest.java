package org.accesscentre.portal.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.accesscentre.core.wire.IngestItem;
import org.accesscentre.core.wire.ItemResult;
import org.accesscentre.core.wire.Outcome;
import org.accesscentre.portal.support.Http;
import org.accesscentre.portal.support.TestDevice;
import org.accesscentre.portal.support.TestPortal;
import org.accesscentre.testing.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight senders race the same 1,000 transaction ids at the portal, in overlapping batches, each item either
 * as the kiosk made it or altered under the same id. Whichever version the portal stores first, it stores
 * exactly one, answers every identical resend as it answered the first, and every other version "conflict".
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConcurrentIngestTest {
    private static final int THREADS = 8;
    private static final int TRANSACTIONS = 1_000;
    private static final int BATCH = 100;

    final TestClock clock = new TestClock(Instant.parse("2026-11-22T14:00:00Z"));
    TestPortal portal;

    abstract TestPortal.Db db();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        portal = TestPortal.start(db(), dir, clock);
    }

    @AfterAll
    void stop() throws Exception {
        if (portal != null) {
            portal.close();
        }
    }

    /** The versions of one transaction a sender may send: as made, a later kiosk time, different sealed bytes. */
    enum Variant {
        ORIGINAL,
        LATER_KIOSK_TIME,
        OTHER_SEALED_BYTES
    }

    record Send(TestDevice device, IngestItem item, Variant variant) {}

    record Answer(Send send, ItemResult result) {}

    @Test
    void racingSendersStoreEachTransactionOnceAndAnswerEveryResendConsistently() throws Exception {
        List<TestDevice> devices = List.of(
                TestDevice.enrol(portal, "SOU", 1, clock),
                TestDevice.enrol(portal, "SOU", 2, clock),
                TestDevice.enrol(portal, "CAS", 1, clock));
        Map<UUID, Map<Variant, IngestItem>> variants = new HashMap<>();
        Map<UUID, TestDevice> owner = new HashMap<>();
        List<UUID> ids = new ArrayList<>();
        Random random = new Random(42);
        for (int d = 0; d < devices.size(); d++) {
            TestDevice device = devices.get(d);
            int share = TRANSACTIONS / devices.size() + (d < TRANSACTIONS % devices.size() ? 1 : 0);
            for (IngestItem item : device.submit(share, random)) {
                variants.put(item.transactionId(), variantsOf(item));
                owner.put(item.transactionId(), device);
                ids.add(item.transactionId());
            }
            device.authenticate();
        }
        assertEquals(TRANSACTIONS, ids.size());
        long storedBefore = portal.count("SELECT COUNT(*) FROM submission");
        JsonNode statsBefore = portal.txStats();

        // Every sender covers all 1,000 ids in its own order, in batches per device, each item in a random version.
        List<List<List<Send>>> plans = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Random r = new Random(1000 + t);
            List<UUID> order = new ArrayList<>(ids);
            Collections.shuffle(order, r);
            Map<TestDevice, List<Send>> byDevice = new HashMap<>();
            for (UUID id : order) {
                int roll = r.nextInt(100);
                Variant v = roll < 60
                        ? Variant.ORIGINAL
                        : roll < 85 ? Variant.LATER_KIOSK_TIME : Variant.OTHER_SEALED_BYTES;
                byDevice.computeIfAbsent(owner.get(id), k -> new ArrayList<>())
                        .add(new Send(owner.get(id), variants.get(id).get(v), v));
            }
            List<List<Send>> batches = new ArrayList<>();
            for (List<Send> sends : byDevice.values()) {
                for (int i = 0; i < sends.size(); i += BATCH) {
                    batches.add(sends.subList(i, Math.min(sends.size(), i + BATCH)));
                }
            }
            Collections.shuffle(batches, r);
            plans.add(batches);
        }

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<Answer>>> futures = new ArrayList<>();
        try {
            for (List<List<Send>> plan : plans) {
                futures.add(pool.submit(() -> {
                    go.await();
                    List<Answer> answers = new ArrayList<>();
                    for (List<Send> batch : plan) {
                        Http.Response r = batch.getFirst()
                                .device()
                                .send(batch.stream().map(Send::item).toList());
                        if (r.status() != 200) {
                            fail("a batch was answered " + r.status() + ": " + r.text());
                        }
                        List<ItemResult> results = r.as(org.accesscentre.core.wire.IngestResult.class)
                                .results();
                        assertEquals(batch.size(), results.size());
                        for (int i = 0; i < batch.size(); i++) {
                            answers.add(new Answer(batch.get(i), results.get(i)));
                        }
                    }
                    return answers;
                }));
            }
            go.countDown();
            List<Answer> all = new ArrayList<>();
            for (Future<List<Answer>> f : futures) {
                all.addAll(f.get(5, TimeUnit.MINUTES));
            }
            assertEquals(THREADS * TRANSACTIONS, all.size());
            checkAnswers(all, variants);
            assertEquals(storedBefore + TRANSACTIONS, portal.count("SELECT COUNT(*) FROM submission"));
            JsonNode stats = portal.txStats();
            assertEquals(
                    statsBefore.get("received").asLong() + TRANSACTIONS,
                    stats.get("received").asLong());
            assertEquals(
                    statsBefore.get("duplicates").asLong() + count(all, Outcome.DUPLICATE),
                    stats.get("duplicates").asLong(),
                    "every duplicate answered is counted once");
            assertEquals(
                    statsBefore.get("conflicts").asLong() + count(all, Outcome.CONFLICT),
                    stats.get("conflicts").asLong(),
                    "every conflict answered is counted once");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(200, portal.http.get("/api/v1/health", null).status());
    }

    /**
     * Per transaction: exactly one answer stored it (accepted, or rejected for the unopenable version); the
     * same version sent again got that answer again (duplicate when accepted); any other version got
     * conflict; and the row holds the version that was stored.
     */
    private void checkAnswers(List<Answer> all, Map<UUID, Map<Variant, IngestItem>> variants) {
        Map<UUID, List<Answer>> byId = new HashMap<>();
        all.forEach(a -> byId.computeIfAbsent(a.result().transactionId(), k -> new ArrayList<>())
                .add(a));
        assertEquals(TRANSACTIONS, byId.size());
        int acceptedAsOriginal = 0;
        for (var e : byId.entrySet()) {
            List<Answer> answers = e.getValue();
            List<Answer> firsts = answers.stream()
                    .filter(a -> a.result().outcome() == Outcome.ACCEPTED)
                    .toList();
            Variant stored;
            if (firsts.size() == 1) {
                stored = firsts.getFirst().send().variant();
                assertTrue(stored != Variant.OTHER_SEALED_BYTES, "unopenable bytes are never accepted");
            } else {
                assertEquals(List.of(), firsts, e.getKey() + " was accepted more than once");
                stored = Variant.OTHER_SEALED_BYTES;
            }
            acceptedAsOriginal += stored == Variant.ORIGINAL ? 1 : 0;
            for (Answer a : answers) {
                Outcome got = a.result().outcome();
                if (a.send().variant() != stored) {
                    assertEquals(
                            Outcome.CONFLICT,
                            got,
                            () -> e.getKey() + " sent as " + a.send().variant() + " while " + stored + " is stored: "
                                    + a.result());
                } else if (stored == Variant.OTHER_SEALED_BYTES) {
                    assertEquals(Outcome.REJECTED, got, "an identical resend gets the first answer again");
                } else {
                    assertTrue(got == Outcome.ACCEPTED || got == Outcome.DUPLICATE, a.result()::toString);
                }
            }
            if (stored == Variant.OTHER_SEALED_BYTES) {
                assertTrue(
                        answers.stream().anyMatch(a -> a.send().variant() == stored),
                        "a version no one sent cannot be stored");
            }
            IngestItem kept = variants.get(e.getKey()).get(stored);
            assertEquals(
                    1,
                    portal.count(
                            "SELECT COUNT(*) FROM submission WHERE tx_id = ? AND kiosk_time = ?",
                            e.getKey().toString(),
                            kept.kioskTime().toEpochMilli()),
                    "the row holds the version that was answered first");
        }
        assertTrue(acceptedAsOriginal > 0, "the race was won by originals at least sometimes");
    }

    private static long count(List<Answer> all, Outcome outcome) {
        return all.stream().filter(a -> a.result().outcome() == outcome).count();
    }

    private static Map<Variant, IngestItem> variantsOf(IngestItem item) {
        byte[] sealed = Base64.getDecoder().decode(item.sealed());
        sealed[sealed.length - 1] ^= 0x01; // the last byte is the GCM tag's: the envelope no longer opens
        return Map.of(
                Variant.ORIGINAL,
                item,
                Variant.LATER_KIOSK_TIME,
                with(item, item.kioskTime().plusSeconds(1), item.sealed()),
                Variant.OTHER_SEALED_BYTES,
                with(item, item.kioskTime(), Base64.getEncoder().encodeToString(sealed)));
    }

    private static IngestItem with(IngestItem i, Instant kioskTime, String sealed) {
        return new IngestItem(
                i.transactionId(),
                i.reference(),
                i.serviceId(),
                i.serviceVersion(),
                i.catalogueVersion(),
                i.sequence(),
                kioskTime,
                i.feeCents(),
                i.currency(),
                sealed);
    }
}
