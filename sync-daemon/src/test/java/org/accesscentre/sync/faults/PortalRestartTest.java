package org.accesscentre.sync.faults;

import static org.accesscentre.sync.support.Delivered.assertPortalHoldsExactly;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.accesscentre.core.state.DeviceState;
import org.accesscentre.core.state.SyncStatus;
import org.accesscentre.core.store.Receipt;
import org.accesscentre.portal.Portal;
import org.accesscentre.portal.PortalSettings;
import org.accesscentre.portal.support.TestPortal;
import org.accesscentre.sync.jobs.Drain;
import org.accesscentre.sync.support.LogEvents;
import org.accesscentre.sync.support.TestKiosk;
import org.accesscentre.testing.TestClock;
import org.accesscentre.testing.link.LinkEmulator;
import org.accesscentre.testing.link.LinkProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The portal is stopped while the daemon is in the middle of a drain over a slow link, and a new portal
 * process comes up on the same data directory and port: whatever the old one stored stays stored once,
 * whatever it did not is sent again, and the kiosk's queue empties.
 */
class PortalRestartTest {
    /** 256 kbit/s and 100 ms each way: a 60 KB batch spends about two seconds going up. */
    private static final LinkProfile SLOW = new LinkProfile("gprs-ish", 256_000, Duration.ofMillis(100));

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void aPortalRestartedMidDrainOnTheSameDataLosesNothingAndStoresNothingTwice() throws Exception {
        TestClock portalClock = new TestClock(Instant.parse("2026-11-22T14:00:00Z"));
        TestClock kioskClock = new TestClock(Instant.parse("2026-11-22T13:58:00Z"));
        ExecutorService daemonThread = Executors.newSingleThreadExecutor();
        try (TestPortal portal = TestPortal.start(TestPortal.Db.SQLITE, dir.resolve("portal"), portalClock);
                LinkEmulator link = LinkEmulator.start("127.0.0.1", portal.portal.port(), LinkProfile.LOOPBACK);
                TestKiosk kiosk = TestKiosk.create(portal, dir.resolve("kiosk"), "SOU", 3, link.url(), kioskClock);
                LogEvents answered = LogEvents.of(Drain.class, line -> line.startsWith("the portal answered"))) {
            int port = portal.portal.port(); // the restarted portal comes back where the link points
            kiosk.round();
            List<Receipt> receipts = kiosk.submit(250, new Random(250)); // four or five batches
            kiosk.daemon().engine().newSubmissions();
            link.profile(SLOW);

            Future<Instant> round =
                    daemonThread.submit(() -> kiosk.daemon().engine().runDue());
            assertTrue(answered.await(1, PATIENCE), "the first batch was never answered");
            // The next batch is on its way up the slow link: the portal process goes away under it.
            portal.portal.close();
            round.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

            SyncStatus s = DeviceState.read(kiosk.app, DeviceState.SYNC).orElseThrow();
            assertFalse(s.online(), "the drain cannot have finished: " + s);
            int acknowledged = 250 - kiosk.app.stats(kioskClock.instant()).depth();
            assertTrue(acknowledged > 0 && acknowledged < 250, acknowledged + " acknowledged before the stop");

            try (Portal restarted = Portal.start(
                    PortalSettings.defaults(dir.resolve("portal").resolve("data"))
                            .withAddress("127.0.0.1", port),
                    portalClock)) {
                link.profile(LinkProfile.LOOPBACK);
                kiosk.drainAll(20);

                assertPortalHoldsExactly(portal, kiosk, receipts); // asked of the new process, on the same port
                assertTrue(restarted.port() == port);
            }
        } finally {
            daemonThread.shutdownNow();
        }
    }
}
