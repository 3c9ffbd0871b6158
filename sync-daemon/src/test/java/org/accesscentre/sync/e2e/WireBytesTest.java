package org.accesscentre.sync.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.accesscentre.portal.support.TestPortal;
import org.accesscentre.sync.support.TestKiosk;
import org.accesscentre.testing.TestClock;
import org.accesscentre.testing.link.LinkEmulator;
import org.accesscentre.testing.link.LinkProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a quiet kiosk costs on a metered link: a heartbeat, and asking whether the catalogue changed when
 * it did not. Measured as TCP payload through the link, both ways, on a kept-alive connection.
 */
class WireBytesTest {
    @TempDir
    Path dir;

    @Test
    void aHeartbeatAndAnUnchangedPollStaySmall() throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-11-22T14:00:00Z"));
        try (TestPortal portal = TestPortal.start(TestPortal.Db.SQLITE, dir.resolve("portal"), clock);
                LinkEmulator link = LinkEmulator.start("127.0.0.1", portal.portal.port(), LinkProfile.LOOPBACK);
                TestKiosk kiosk = TestKiosk.create(portal, dir.resolve("kiosk"), "SOU", 3, link.url(), clock)) {
            kiosk.round(); // enrol, authenticate, first heartbeat and status pull: the connection is up
            clock.advance(Duration.ofSeconds(61));
            link.resetCounters();
            kiosk.round(); // a quiet minute: one heartbeat, nothing to drain, the feed has not moved
            long heartbeat = link.bytesUp() + link.bytesDown();
            System.out.printf(
                    "RESULT wire-heartbeat up=%d down=%d total=%d connections=%d%n",
                    link.bytesUp(), link.bytesDown(), heartbeat, link.connections());
            assertEquals(0, link.connections(), "the connection was kept");
            assertTrue(heartbeat > 0 && heartbeat <= 400, "a heartbeat costs " + heartbeat + " bytes");
        }
    }
}
