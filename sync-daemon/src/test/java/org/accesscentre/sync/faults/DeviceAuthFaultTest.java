package org.accesscentre.sync.faults;

import static org.accesscentre.sync.support.Delivered.assertAllStillQueued;
import static org.accesscentre.sync.support.Delivered.assertPortalHoldsExactly;
import static org.accesscentre.sync.support.PortalFront.PATH_BATCHES;
import static org.accesscentre.sync.support.PortalFront.PATH_CHALLENGE;
import static org.accesscentre.sync.support.PortalFront.PATH_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.accesscentre.core.state.DeviceState;
import org.accesscentre.core.state.SyncStatus;
import org.accesscentre.core.store.Receipt;
import org.accesscentre.portal.support.Http;
import org.accesscentre.portal.support.TestPortal;
import org.accesscentre.sync.SyncEngine;
import org.accesscentre.sync.support.PortalFront;
import org.accesscentre.sync.support.TestKiosk;
import org.accesscentre.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The device token expiring under the kiosk, a portal that keeps refusing it, and a revoked kiosk. */
class DeviceAuthFaultTest {
    private static final int MAX_ROUNDS = 20;

    @TempDir
    Path dir;

    private final TestClock portalClock = new TestClock(Instant.parse("2026-11-22T14:00:00Z"));
    private final TestClock kioskClock = new TestClock(Instant.parse("2026-11-22T13:58:00Z"));

    private TestPortal portal;
    private PortalFront front;
    private TestKiosk kiosk;

    @BeforeEach
    void start() throws Exception {
        portal = TestPortal.start(TestPortal.Db.SQLITE, dir.resolve("portal"), portalClock);
        front = PortalFront.start(portal.portal.url());
        kiosk = TestKiosk.create(portal, dir.resolve("kiosk"), "SOU", 3, front.url(), kioskClock);
        kiosk.round(); // enrols and wins a token for an hour
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

    private List<Integer> statuses(String path) {
        return front.exchanges(path).stream().map(PortalFront.Exchange::status).toList();
    }

    @Test
    void aTokenThatExpiredOnThePortalsClockIsWonAgainOnceAndTheBatchGoesThrough() throws Exception {
        List<Receipt> receipts = submit(30);
        int tokens = front.count(PATH_TOKEN);
        // Only the portal's clock moves: the kiosk still believes its token has most of an hour left.
        portalClock.advance(Duration.ofMinutes(61));

        kiosk.round();

        assertEquals(List.of(401, 200), statuses(PATH_BATCHES), "sent once, refused, signed in, sent again");
        assertEquals(tokens + 1, front.count(PATH_TOKEN), "exactly one new token");
        assertTrue(status().online(), status().toString());
        assertPortalHoldsExactly(portal, kiosk, receipts);
    }

    @Test
    void aSignInThePortalRefusesNeverRejectsTheRequestsWaitingBehindIt() throws Exception {
        List<Receipt> receipts = submit(30);
        portalClock.advance(Duration.ofMinutes(61)); // the batch meets a 401 and the daemon signs in again
        // ... and the challenge is refused, as a proxy that does not know the route, or a portal restored
        // from an old backup, would refuse it.
        front.answerInstead(PATH_CHALLENGE, 1_000, () -> PortalFront.status(404));

        for (int i = 0; i < 3; i++) {
            kiosk.round();
        }

        assertTrue(front.count(PATH_CHALLENGE) > 0);
        assertAllStillQueued(kiosk, receipts); // not one refused for good: the batch was never judged
        assertTrue(status().lastError() != null && status().lastError().contains("404"), status().toString());

        front.clearScripts();
        kiosk.drainAll(MAX_ROUNDS);
        assertPortalHoldsExactly(portal, kiosk, receipts);
    }

    @Test
    void aPortalThatKeepsRefusingTheTokenIsNotHammered() throws Exception {
        List<Receipt> receipts = submit(30);
        front.answerInstead(PATH_BATCHES, 1_000, () -> PortalFront.status(401));
        Instant start = kioskClock.instant();

        // Ten minutes of the daemon's life, round by round, as the run loop would live them.
        int rounds = 0;
        while (kioskClock.instant().isBefore(start.plus(Duration.ofMinutes(10)))) {
            assertTrue(++rounds <= 60, "the daemon keeps coming back at once: " + front.count(PATH_BATCHES));
            Instant next = engine().runDue();
            kioskClock.set(
                    next.isAfter(kioskClock.instant())
                            ? next
                            : kioskClock.instant().plusMillis(1));
        }

        // Each round signs in again once and resends once; it must then wait, not spin.
        int sends = front.count(PATH_BATCHES);
        assertTrue(sends <= 2 * 11, sends + " batch sends in ten minutes");
        assertTrue(status().lastError() != null && status().lastError().contains("sign in"), status().toString());
        assertAllStillQueued(kiosk, receipts);
        assertEquals(0, portal.txStats().get("received").asLong());

        front.clearScripts();
        kiosk.drainAll(MAX_ROUNDS);
        assertPortalHoldsExactly(portal, kiosk, receipts);
    }

    @Test
    void aRevokedKioskStopsCallingSaysRevokedAndKeepsEveryRequest() throws Exception {
        List<Receipt> receipts = submit(30);
        String deviceId =
                DeviceState.read(kiosk.app, DeviceState.ENROLMENT).orElseThrow().deviceId();
        Http.Response revoked = portal.http.postJson(
                "/api/v1/admin/devices/" + deviceId + "/revoke", portal.admin, Map.of("reason", "reported stolen"));
        assertEquals(200, revoked.status(), revoked.text());

        Instant t0 = kioskClock.instant();
        Instant next = engine().runDue();

        assertEquals(List.of(401), statuses(PATH_BATCHES));
        assertEquals(403, statuses(PATH_CHALLENGE).getLast(), "the portal says device_revoked");
        SyncStatus s = status();
        assertFalse(s.online());
        assertTrue(s.reason().contains("revoked"), s.reason());
        assertTrue(!next.isBefore(t0.plus(Duration.ofMinutes(59))), "waits about an hour, not " + next);
        assertAllStillQueued(kiosk, receipts);

        // Within that hour the daemon calls nothing at all, though heartbeats and drains fall due.
        int exchanges = front.exchanges().size();
        for (int minutes = 5; minutes < 60; minutes += 5) {
            kioskClock.set(t0.plus(Duration.ofMinutes(minutes)));
            engine().newSubmissions();
            engine().runDue();
            assertTrue(status().reason().contains("revoked"), status().reason());
        }
        assertEquals(exchanges, front.exchanges().size(), "a revoked kiosk called: " + front.exchanges());
        assertAllStillQueued(kiosk, receipts);
        assertEquals(0, portal.txStats().get("received").asLong());
    }
}
