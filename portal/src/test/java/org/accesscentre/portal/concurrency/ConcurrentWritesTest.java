package org.accesscentre.portal.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.core.wire.IngestItem;
import org.accesscentre.core.wire.StatusChange;
import org.accesscentre.core.wire.StatusFeed;
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
 * Writes that read before they write, raced: whatever PostgreSQL's READ COMMITTED lets two transactions
 * see at once, a kiosk slot ends with one active device and a case's statuses keep distinct versions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConcurrentWritesTest {
    private static final int RIVALS = 8;
    private static final int ROUNDS = 5;

    final TestClock clock = new TestClock(Instant.parse("2026-11-22T14:00:00Z"));
    TestPortal portal;
    Http http;

    abstract TestPortal.Db db();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        portal = TestPortal.start(db(), dir, clock);
        http = portal.http;
    }

    @AfterAll
    void stop() throws Exception {
        if (portal != null) {
            portal.close();
        }
    }

    /** Runs the calls at once from a start line and returns their answers in order. */
    private static List<Http.Response> atOnce(List<Callable<Http.Response>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Http.Response>> futures = new ArrayList<>();
            for (Callable<Http.Response> call : calls) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<Http.Response> out = new ArrayList<>();
            for (Future<Http.Response> f : futures) {
                out.add(f.get(2, TimeUnit.MINUTES));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void kiosksEnrollingIntoOneSlotAtOnceLeaveOneActiveDevice() throws Exception {
        for (int round = 1; round <= ROUNDS; round++) {
            int kiosk = round;
            List<Callable<Http.Response>> enrolments = new ArrayList<>();
            for (int i = 0; i < RIVALS; i++) {
                String code = portal.enrolmentCode("SOU", kiosk);
                String key = Keys.toBase64(Keys.generate(Keys.ED25519).getPublic());
                enrolments.add(() -> http.postJson("/api/v1/enrol", null, Map.of("code", code, "publicKey", key)));
            }
            for (Http.Response r : atOnce(enrolments)) {
                assertEquals(201, r.status(), r.text());
            }
            List<String> active = new ArrayList<>();
            for (JsonNode d : http.get("/api/v1/admin/devices", portal.admin).json()) {
                if (d.get("centre").asText().equals("SOU")
                        && d.get("kiosk").asInt() == kiosk
                        && !d.get("state").asText().equals("revoked")) {
                    active.add(d.get("deviceId").asText());
                }
            }
            assertEquals(
                    1, active.size(), "round " + round + ": two devices would issue the same references " + active);
        }
    }

    @Test
    void officersSettingStatusesOnOneCaseAtOnceGiveEachChangeItsOwnVersion() throws Exception {
        TestDevice device = TestDevice.enrol(portal, "CAS", 1, clock);
        for (int round = 0; round < ROUNDS; round++) {
            IngestItem item = device.submit(1, new Random(round)).getFirst();
            device.sendOk(List.of(item));
            List<Callable<Http.Response>> changes = new ArrayList<>();
            for (int i = 0; i < RIVALS; i++) {
                String message = "update " + i;
                changes.add(() -> http.postJson(
                        "/api/v1/agency/cases/" + item.reference() + "/status",
                        portal.admin,
                        Map.of("status", "in_progress", "message", message)));
            }
            Set<Long> versions = new TreeSet<>();
            for (Http.Response r : atOnce(changes)) {
                assertEquals(200, r.status(), r.text());
                versions.add(r.json().get("version").asLong());
            }
            assertEquals(RIVALS, versions.size(), "each change answered its own version: " + versions);

            StatusFeed feed = http.get("/api/v1/device/statuses?limit=500", device.token())
                    .as(StatusFeed.class);
            List<StatusChange> ofThisCase = feed.changes().stream()
                    .filter(c -> c.transactionId().equals(item.transactionId()))
                    .toList();
            assertEquals(
                    RIVALS,
                    ofThisCase.stream().map(StatusChange::version).distinct().count(),
                    "the kiosk can order every change");
            StatusChange newest = ofThisCase.stream()
                    .max(java.util.Comparator.comparingLong(StatusChange::version))
                    .orElseThrow();
            StatusChange lookedUp = http.get("/api/v1/device/lookup/" + item.reference(), device.token())
                    .as(StatusChange.class);
            assertEquals(newest.message(), lookedUp.message(), "the case shows the change with the highest version");
            assertEquals(newest.version(), lookedUp.version());
        }
    }
}
