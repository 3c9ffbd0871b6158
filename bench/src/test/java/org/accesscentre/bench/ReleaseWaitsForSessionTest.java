package org.accesscentre.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.accesscentre.bench.sim.SteppedKiosk;
import org.accesscentre.device.config.DeviceConfig;
import org.accesscentre.device.portal.PortalClient;
import org.accesscentre.sync.SyncDaemon;
import org.accesscentre.testing.ReleaseDirs;
import org.accesscentre.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rollout reaches a kiosk while a citizen is using it. On the kiosk's injected clock: the release downloads
 * at once, but nothing is switched or restarted during a long session, nor in the first two minutes after it;
 * then it installs, and the portal hears it installed once the new release passed its health check.
 */
class ReleaseWaitsForSessionTest {
    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.now());
    private ReleasePortal portal;
    private SteppedKiosk kiosk;

    @AfterEach
    void close() throws Exception {
        if (kiosk != null) {
            kiosk.close();
        }
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    void aRolloutToAKioskInSessionInstallsOnlyAfterTheSessionEnds() throws Exception {
        portal = ReleasePortal.start(dir, clock);
        PortalClient admin = portal.admin;
        DeviceConfig config = portal.kiosk("SOU", 2, ReleaseDirs.write(dir.resolve("in-1"), 1));
        Path data = config.dataDir();
        kiosk = new SteppedKiosk(config, clock, SyncDaemon.Options.DEFAULTS, r -> true);
        kiosk.step();
        kiosk.inUse(true); // a citizen starts a form

        long id = portal.publish(ReleaseDirs.write(dir.resolve("in-2"), 2));
        String rollout = admin.createRollout(
                        Map.of("bundleId", id, "target", Map.of("all", true), "waves", List.of(Map.of("size", "100%"))))
                .path("id")
                .asText();

        for (int minute = 0; minute < 40; minute++) { // a long session: 40 minutes
            clock.advance(Duration.ofMinutes(1));
            kiosk.step();
        }
        assertEquals(1, kiosk.current(), "nothing switched while the citizen is there");
        assertEquals(0, kiosk.restarts());
        assertEquals(1, wave(admin, rollout).path("downloading").asInt(), "downloaded meanwhile");
        assertFalse(java.nio.file.Files.exists(data.resolve("releases/2")), "not even unpacked");

        kiosk.inUse(false); // the citizen leaves
        clock.advance(Duration.ofSeconds(90));
        kiosk.step();
        assertEquals(1, kiosk.current(), "idle for 90 s only");

        clock.advance(Duration.ofSeconds(30));
        kiosk.step();
        assertEquals(2, kiosk.current(), "idle for two minutes: installed");
        assertEquals(1, kiosk.restarts());
        clock.advance(Duration.ofSeconds(61));
        kiosk.step();
        assertEquals(1, wave(admin, rollout).path("installed").asInt());
        assertEquals("completed", admin.rollout(rollout).path("state").asText());
    }

    private static JsonNode wave(PortalClient admin, String rollout) throws Exception {
        return admin.rollout(rollout).path("waves").get(0);
    }
}
