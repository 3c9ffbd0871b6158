package org.accesscentre.sync.faults;

import static org.accesscentre.sync.support.Delivered.assertAllStillQueued;
import static org.accesscentre.sync.support.Delivered.assertPortalHoldsExactly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.accesscentre.core.state.DeviceState;
import org.accesscentre.core.state.SyncStatus;
import org.accesscentre.core.store.Receipt;
import org.accesscentre.portal.support.TestPortal;
import org.accesscentre.sync.SyncDaemon;
import org.accesscentre.sync.net.Backoff;
import org.accesscentre.sync.support.Delivered;
import org.accesscentre.sync.support.TestKiosk;
import org.accesscentre.testing.TestClock;
import org.accesscentre.testing.link.LinkEmulator;
import org.accesscentre.testing.link.LinkEmulator.Fault;
import org.accesscentre.testing.link.LinkProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon behind the link emulator, against the real portal: answers lost after the portal did the work,
 * a link that trickles, and one that swallows everything. Each ends with the portal holding exactly what
 * the kiosk took, once, and in a bounded number of rounds.
 */
class LinkFaultTest {
    private static final int MAX_ROUNDS = 20;

    @TempDir
    Path dir;

    private final TestClock portalClock = new TestClock(Instant.parse("2026-11-22T14:00:00Z"));
    private final TestClock kioskClock = new TestClock(Instant.parse("2026-11-22T13:58:00Z"));
    private TestPortal portal;
    private LinkEmulator link;
    private TestKiosk kiosk;

    @BeforeEach
    void start() throws Exception {
        portal = TestPortal.start(TestPortal.Db.SQLITE, dir.resolve("portal"), portalClock);
        link = LinkEmulator.start("127.0.0.1", portal.portal.port(), LinkProfile.LOOPBACK);
        kiosk = TestKiosk.create(portal, dir.resolve("kiosk"), "SOU", 3, link.url(), kioskClock);
    }

    /** Enrols, beats and finds nothing to send. */
    private void enrol() throws Exception {
        kiosk.round();
        assertTrue(status().online(), status().toString());
    }

    @AfterEach
    void stop() throws Exception {
        kiosk.close();
        link.close();
        portal.close();
    }

    private SyncStatus status() throws Exception {
        return DeviceState.read(kiosk.app, DeviceState.SYNC).orElseThrow();
    }

    /**
     * New requests, then the link drops every open connection and the next {@code connections} ones suffer
     * {@code fault}. OkHttp does not check a connection idle for less than 10 s before reusing it, so the
     * daemon's first exchange may still go to the dropped one and fail with a reset; the fault then meets
     * the next exchange. Either way, the daemon must not care which.
     */
    private List<Receipt> submitThenBreak(int n, Fault fault, int connections) throws Exception {
        enrol();
        List<Receipt> receipts = kiosk.submit(n, new Random(n));
        kiosk.daemon().engine().newSubmissions();
        link.fault(fault, connections);
        link.dropAll();
        return receipts;
    }

    /** Runs rounds until {@code condition} holds, at most {@code maxRounds}; returns the last round's answer. */
    private Instant roundsUntil(int maxRounds, String what, Check condition) throws Exception {
        for (int i = 0; i < maxRounds; i++) {
            Instant next = kiosk.daemon().engine().runDue();
            if (condition.holds()) {
                return next;
            }
            if (next.isAfter(kioskClock.instant())) {
                kioskClock.set(next);
            }
        }
        throw new AssertionError("not " + what + " after " + maxRounds + " rounds: " + status());
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }

    @Test
    void anAnswerLostAfterThePortalStoredTheBatchIsResentAndAnsweredDuplicate() throws Exception {
        List<Receipt> receipts = submitThenBreak(40, Fault.CLOSE_AFTER_REQUEST, 3);

        // Each of the three faulty connections can cost a round (the first may also fail on the pooled
        // connection the drop killed), and every round before a fourth connection has its answer cut.
        roundsUntil(
                3,
                "stored by the portal",
                () -> portal.txStats().get("received").asLong() > 0);

        assertFalse(status().online(), "the kiosk never heard the answer: " + status());
        long storedUnheard = portal.txStats().get("received").asLong();
        assertAllStillQueued(kiosk, receipts); // nothing acknowledged without the portal's word

        int rounds = kiosk.drainAll(MAX_ROUNDS);

        JsonNode stats = assertPortalHoldsExactly(portal, kiosk, receipts);
        assertTrue(
                stats.get("duplicates").asLong() >= storedUnheard,
                "the resent batch must be answered duplicate: " + stats + " after " + rounds + " rounds");
        assertTrue(status().online(), status().toString());
    }

    @Test
    void aLinkThatTricklesInTinySegmentsIsSlowNotDeadAndDrainsWithoutAFailure() throws Exception {
        // EDGE-like: 200 kbit/s, 300 ms each way; then every segment only 7 bytes long, once the connection is
        // up. (Sliced from its very first byte, Jetty's h2c prior-knowledge upgrade now and then answers the
        // 24-byte preface with a GOAWAY: under a loaded CI machine, twice in a row. The kiosk backs off and
        // connects again, which a test of the drain cannot wait for on its one round.)
        LinkProfile edge = new LinkProfile("edge", 200_000, Duration.ofMillis(300));
        link.profile(edge);
        enrol();
        link.fault(Fault.SLICE);
        List<Receipt> receipts = kiosk.submit(25, new Random(25));
        kiosk.daemon().engine().newSubmissions();
        link.resetCounters();
        long started = System.nanoTime();

        int rounds = kiosk.drainAll(1);

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(1, rounds);
        assertNull(kiosk.daemon().engine().link().lastError(), "a slow link is not a failure");
        assertTrue(status().online(), status().toString());
        assertPortalHoldsExactly(portal, kiosk, receipts);
        // The link really was slow: the bytes that crossed could not have crossed faster.
        Duration floor = Duration.ofNanos(edge.transmissionNanos((int) link.bytesUp()));
        assertTrue(took.compareTo(floor) >= 0, "took " + took + " for " + link.bytesUp() + " bytes");
        assertTrue(link.bytesUp() > 25 * 500, "sent only " + link.bytesUp() + " bytes");
    }

    @Test
    void aStalledLinkTimesOutGoesOfflineAndTheBatchIsResentLater() throws Exception {
        List<Receipt> receipts = submitThenBreak(20, Fault.STALL, 1);

        // The stalled round returns after the client's 5 s read timeout.
        Instant next = roundsUntil(2, "timed out", () -> status().reason().contains("too long"));

        SyncStatus s = status();
        Instant now = kioskClock.instant();
        assertFalse(s.online());
        assertEquals(next, s.nextAttempt());
        Duration wait = Duration.between(now, next);
        Duration ceiling = new Backoff(new java.util.SplittableRandom()).ceiling(2);
        assertTrue(!wait.isNegative() && wait.compareTo(ceiling) <= 0, "waits " + wait);
        assertEquals(0, portal.txStats().get("received").asLong(), "the stalled link passed nothing");
        assertAllStillQueued(kiosk, receipts);
        Map<Instant, Integer> waiting = Delivered.nextAttempts(SyncDaemon.storeFile(kiosk.dataDir));
        assertEquals(Map.of(next, receipts.size()), waiting, "the batch waits for the retry time");

        kiosk.drainAll(MAX_ROUNDS);

        assertPortalHoldsExactly(portal, kiosk, receipts);
        assertEquals(0, portal.txStats().get("duplicates").asLong());
    }
}
