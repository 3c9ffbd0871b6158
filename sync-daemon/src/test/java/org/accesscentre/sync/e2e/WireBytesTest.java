package org.accesscentre.sync.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.accesscentre.core.state.DeviceState;
import org.accesscentre.core.state.StagedBundle;
import org.accesscentre.core.wire.Challenge;
import org.accesscentre.core.wire.ChallengeSigning;
import org.accesscentre.core.wire.TokenRequest;
import org.accesscentre.device.identity.DeviceIdentity;
import org.accesscentre.portal.support.TestBundles;
import org.accesscentre.portal.support.TestPortal;
import org.accesscentre.sync.net.PortalClient;
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

    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T14:00:00Z"));

    @Test
    void aHeartbeatAndAnUnchangedPollStaySmall() throws Exception {
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

    /**
     * The daemon learns of a new catalogue from the heartbeat's reply and fetches only then, so a quiet kiosk
     * never polls. A poll is what it costs to ask anyway (after a restore, or through a cache): the daemon's
     * own client, on a kept connection, sending the ETag of the catalogue it staged, answered 304.
     */
    @Test
    void anUnchangedCataloguePollIsA304ThatStaysSmall() throws Exception {
        try (TestPortal portal = TestPortal.start(TestPortal.Db.SQLITE, dir.resolve("portal"), clock);
                LinkEmulator link = LinkEmulator.start("127.0.0.1", portal.portal.port(), LinkProfile.LOOPBACK);
                TestKiosk kiosk = TestKiosk.create(portal, dir.resolve("kiosk"), "SOU", 3, link.url(), clock)) {
            byte[] bundle = new TestBundles(dir.resolve("bundles"), clock).catalogue(7, portal.signing.getPrivate());
            assertEquals(201, portal.publish(bundle, "all").status());
            kiosk.round(); // enrols; the heartbeat's reply names catalogue 7; the daemon fetches and stages it
            StagedBundle staged =
                    DeviceState.read(kiosk.app, DeviceState.staged("catalogue")).orElseThrow();
            assertEquals(7, staged.version());
            String etag = "\"" + staged.sha256() + "\"";

            URI url = URI.create(link.url());
            PortalClient client =
                    new PortalClient(url, PortalClient.httpClient(url, List.of(), TestKiosk.QUICK), "test-kiosk");
            try {
                String token = signIn(client, kiosk);
                link.resetCounters();
                // The first poll on the connection puts If-None-Match and the answer's ETag in the header tables.
                assertInstanceOf(PortalClient.BundleFetch.NotModified.class, client.bundle(token, "catalogue", etag));
                long firstUp = link.bytesUp();
                long firstDown = link.bytesDown();
                link.resetCounters();
                assertInstanceOf(PortalClient.BundleFetch.NotModified.class, client.bundle(token, "catalogue", etag));
                long poll = link.bytesUp() + link.bytesDown();
                System.out.printf(
                        "RESULT wire-catalogue-304 up=%d down=%d total=%d first_up=%d first_down=%d connections=%d%n",
                        link.bytesUp(), link.bytesDown(), poll, firstUp, firstDown, link.connections());
                assertEquals(0, link.connections(), "the connection was kept");
                assertTrue(poll > 0 && poll <= 600, "an unchanged catalogue poll costs " + poll + " bytes");
                assertTrue(firstUp + firstDown <= 600, "even the first costs " + (firstUp + firstDown) + " bytes");
            } finally {
                client.http().dispatcher().executorService().shutdown();
                client.http().connectionPool().evictAll();
            }
        }
    }

    /** Signs in as the kiosk does: its own identity signs the portal's challenge. */
    private static String signIn(PortalClient client, TestKiosk kiosk) throws Exception {
        String deviceId =
                DeviceState.read(kiosk.app, DeviceState.ENROLMENT).orElseThrow().deviceId();
        DeviceIdentity identity = DeviceIdentity.loadOrCreate(kiosk.dataDir.resolve("identity"));
        Challenge challenge = client.challenge(deviceId);
        byte[] signature =
                identity.sign(ChallengeSigning.message(deviceId, challenge.challengeId(), challenge.nonce()));
        return client.token(new TokenRequest(
                        deviceId, challenge.challengeId(), Base64.getEncoder().encodeToString(signature)))
                .token();
    }
}
