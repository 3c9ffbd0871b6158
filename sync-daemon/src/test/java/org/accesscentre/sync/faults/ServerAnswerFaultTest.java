package org.accesscentre.sync.faults;

import static org.accesscentre.sync.support.Delivered.assertAllStillQueued;
import static org.accesscentre.sync.support.Delivered.assertPortalHoldsExactly;
import static org.accesscentre.sync.support.PortalFront.PATH_BATCHES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Random;
import mockwebserver3.MockResponse;
import org.accesscentre.core.state.DeviceState;
import org.accesscentre.core.state.SyncStatus;
import org.accesscentre.core.store.Receipt;
import org.accesscentre.portal.support.TestPortal;
import org.accesscentre.sync.SyncDaemon;
import org.accesscentre.sync.SyncEngine;
import org.accesscentre.sync.net.Backoff;
import org.accesscentre.sync.support.Delivered;
import org.accesscentre.sync.support.PortalFront;
import org.accesscentre.sync.support.TestKiosk;
import org.accesscentre.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon against the real portal through a front that forwards every request, except the ones a test
 * scripts an answer for: 500s, 503 and 429 with {@code Retry-After}, a captive portal's login page, a
 * redirect. Every run ends with the portal holding exactly the submitted set, in a bounded number of rounds.
 */
class ServerAnswerFaultTest {
    private static final int MAX_ROUNDS = 20;
    /** Small enough for one batch, so one scripted answer meets all of them. */
    private static final int ONE_BATCH = 20;

    @TempDir
    Path dir;

    private final TestClock portalClock = new TestClock(Instant.parse("2026-11-22T14:00:00Z"));
    /** The kiosk's clock is three days behind: nothing here may depend on it agreeing with the portal's. */
    private final TestClock kioskClock = new TestClock(Instant.parse("2026-11-19T09:12:00Z"));

    private TestPortal portal;
    private PortalFront front;
    private TestKiosk kiosk;

    @BeforeEach
    void start() throws Exception {
        portal = TestPortal.start(TestPortal.Db.SQLITE, dir.resolve("portal"), portalClock);
        front = PortalFront.start(portal.portal.url());
        kiosk = TestKiosk.create(portal, dir.resolve("kiosk"), "SOU", 3, front.url(), kioskClock);
        kiosk.round(); // enrols, beats, finds nothing to send; the next heartbeat is a minute away
        assertTrue(status().online(), status().toString());
    }

    @AfterEach
    void stop() throws Exception {
        kiosk.close();
        front.close();
        portal.close();
    }

    private SyncEngine engine() {
        return kiosk.daemon().engine();
    }

    private SyncStatus status() throws Exception {
        return DeviceState.read(kiosk.app, DeviceState.SYNC).orElseThrow();
    }

    private List<Receipt> submit(int n) throws Exception {
        List<Receipt> receipts = kiosk.submit(n, new Random(n));
        engine().newSubmissions();
        return receipts;
    }

    private List<Integer> batchStatuses() {
        return front.exchanges(PATH_BATCHES).stream()
                .map(PortalFront.Exchange::status)
                .toList();
    }

    @Test
    void serverErrorsAreRetriedWithinTheJitteredBackoffAndNothingIsLost() throws Exception {
        List<Receipt> receipts = submit(ONE_BATCH);
        front.answerInstead(PATH_BATCHES, 3, () -> PortalFront.status(500));
        Backoff ceilings = new Backoff(new java.util.SplittableRandom());

        for (int failures = 1; failures <= 3; failures++) {
            Instant now = kioskClock.instant();
            Instant next = engine().runDue();
            Duration wait = Duration.between(now, next);
            assertTrue(
                    !wait.isNegative() && wait.compareTo(ceilings.ceiling(failures)) <= 0,
                    "failure " + failures + " waits " + wait);
            assertFalse(status().online());
            assertTrue(status().reason().contains("500"), status().reason());
            assertAllStillQueued(kiosk, receipts);
            kioskClock.set(next);
        }
        kiosk.drainAll(MAX_ROUNDS);

        assertEquals(List.of(500, 500, 500, 200), batchStatuses());
        JsonNode stats = assertPortalHoldsExactly(portal, kiosk, receipts);
        assertEquals(0, stats.get("duplicates").asLong(), "the portal never saw the failed attempts");
    }

    @Test
    void aServerErrorAfterThePortalStoredTheBatchIsResentAndAnsweredDuplicate() throws Exception {
        List<Receipt> receipts = submit(ONE_BATCH);
        front.answerAfterPortal(PATH_BATCHES, 1, () -> PortalFront.status(502));

        kiosk.round();

        assertEquals(ONE_BATCH, portal.txStats().get("received").asLong(), "the portal did the work");
        assertAllStillQueued(kiosk, receipts); // the kiosk was told otherwise

        kiosk.drainAll(MAX_ROUNDS);

        JsonNode stats = assertPortalHoldsExactly(portal, kiosk, receipts);
        assertEquals(ONE_BATCH, stats.get("duplicates").asLong());
    }

    @Test
    void serviceUnavailableWithRetryAfterHoldsEveryCallUntilExactlyThen() throws Exception {
        List<Receipt> receipts = submit(ONE_BATCH);
        front.answerInstead(PATH_BATCHES, 1, () -> PortalFront.status(503, "Retry-After", "120"));
        Instant t0 = kioskClock.instant();

        Instant next = engine().runDue();

        Instant expected = t0.plusSeconds(120);
        assertEquals(expected, next, "the engine's next time is what Retry-After said, without jitter");
        assertEquals(expected, status().nextAttempt());
        assertFalse(status().online());
        assertEquals(
                Map.of(expected, ONE_BATCH),
                Delivered.nextAttempts(SyncDaemon.storeFile(kiosk.dataDir)),
                "the store's next attempt for the batch");

        // A second before: nothing at all goes out, though the heartbeat fell due meanwhile.
        int exchanges = front.exchanges().size();
        kioskClock.set(expected.minusSeconds(1));
        assertEquals(expected, engine().runDue());
        assertEquals(exchanges, front.exchanges().size(), "called the portal before Retry-After: " + front.exchanges());

        kioskClock.set(expected);
        kiosk.drainAll(1);

        assertEquals(List.of(503, 200), batchStatuses());
        assertPortalHoldsExactly(portal, kiosk, receipts);
    }

    @Test
    void aRetryAfterOfZeroOverAndOverDoesNotMakeTheKioskSpin() throws Exception {
        List<Receipt> receipts = submit(ONE_BATCH);
        // A load balancer that says "try again now" to everything, for ten minutes.
        front.answerAll(() -> PortalFront.status(503, "Retry-After", "0"));
        Instant start = kioskClock.instant();

        int rounds = 0;
        while (kioskClock.instant().isBefore(start.plus(Duration.ofMinutes(10)))) {
            assertTrue(
                    ++rounds <= 60,
                    "the daemon keeps coming back at once: " + front.exchanges().size());
            Instant next = engine().runDue();
            kioskClock.set(
                    next.isAfter(kioskClock.instant())
                            ? next
                            : kioskClock.instant().plusMillis(1));
        }

        // Backing off from 4 s towards a cap of 15 minutes, ten minutes hold about ten attempts.
        assertTrue(front.exchanges().size() <= 30, front.exchanges().size() + " attempts in ten minutes");
        assertAllStillQueued(kiosk, receipts);

        front.answerAll(null);
        kiosk.drainAll(MAX_ROUNDS);
        assertPortalHoldsExactly(portal, kiosk, receipts);
    }

    @Test
    void tooManyRequestsWithRetryAfterAsADateIsMeasuredOnThePortalsClockNotTheKiosks() throws Exception {
        List<Receipt> receipts = submit(ONE_BATCH);
        DateTimeFormatter http = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
        Instant portalNow = portalClock.instant();
        front.answerInstead(
                PATH_BATCHES,
                1,
                () -> PortalFront.status(
                        429, "Date", http.format(portalNow), "Retry-After", http.format(portalNow.plusSeconds(90))));
        Instant t0 = kioskClock.instant(); // three days before the portal's date

        Instant next = engine().runDue();

        assertEquals(t0.plusSeconds(90), next);
        assertEquals(Map.of(next, ONE_BATCH), Delivered.nextAttempts(SyncDaemon.storeFile(kiosk.dataDir)));
        kioskClock.set(next.minusMillis(1));
        int exchanges = front.exchanges().size();
        engine().runDue();
        assertEquals(exchanges, front.exchanges().size());

        kiosk.drainAll(MAX_ROUNDS);

        assertEquals(List.of(429, 200), batchStatuses());
        assertPortalHoldsExactly(portal, kiosk, receipts);
    }

    @Test
    void aCaptivePortalsHtmlIsNeverTakenForAnAnswerAndTheQueueDrainsOnceItIsGone() throws Exception {
        List<Receipt> receipts = submit(ONE_BATCH * 3);
        front.answerAll(PortalFront::loginPage);

        for (int i = 0; i < 5; i++) {
            kiosk.round();
            SyncStatus s = status();
            assertFalse(s.online(), s.toString());
            assertTrue(s.reason().contains("login page"), s.reason());
            assertTrue(s.nextAttempt() != null
                    && s.nextAttempt().isAfter(kioskClock.instant().minusSeconds(1)));
        }

        assertTrue(front.count(PATH_BATCHES) > 0, "the kiosk did try to send: " + front.exchanges());
        assertTrue(batchStatuses().stream().allMatch(s -> s == 200), "the login page answers 200");
        assertEquals(0, portal.txStats().get("received").asLong());
        assertAllStillQueued(kiosk, receipts); // a 200 that is not the portal's JSON acknowledges nothing

        front.answerAll(null);
        kiosk.drainAll(MAX_ROUNDS);

        assertPortalHoldsExactly(portal, kiosk, receipts);
        assertTrue(status().online(), status().toString());
    }

    @Test
    void aRedirectToALoginPageIsNotFollowedAndCountsAsCaptive() throws Exception {
        List<Receipt> receipts = submit(ONE_BATCH);
        front.answerInstead(
                PATH_BATCHES,
                1,
                () -> new MockResponse.Builder()
                        .code(302)
                        .setHeader("Location", "http://login.wifi.example/?next=portal")
                        .build());

        kiosk.round();

        assertFalse(status().online());
        assertTrue(status().reason().contains("login page"), status().reason());
        assertAllStillQueued(kiosk, receipts);
        assertEquals(
                1, front.exchanges().stream().filter(e -> e.status() == 302).count());

        kiosk.drainAll(MAX_ROUNDS);

        assertPortalHoldsExactly(portal, kiosk, receipts);
    }
}
