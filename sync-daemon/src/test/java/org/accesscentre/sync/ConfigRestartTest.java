package org.accesscentre.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.accesscentre.core.state.DeviceState;
import org.accesscentre.core.state.RestartRequest;
import org.accesscentre.core.state.StagedBundle;
import org.accesscentre.portal.support.TestPortal;
import org.accesscentre.sync.support.TestKiosk;
import org.accesscentre.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon reads its configuration once, at start. When the app brings a pushed configuration into force,
 * the daemon restarts itself, once, to use it (a rotated signing key, a new pin), and leaves the app alone.
 */
class ConfigRestartTest {
    @TempDir
    Path dir;

    @Test
    void aConfigurationTheAppAppliedRestartsTheDaemonOnceAndNotTheApp() throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-11-23T09:00:00Z"));
        try (TestPortal portal = TestPortal.start(TestPortal.Db.SQLITE, dir.resolve("portal"), clock);
                TestKiosk kiosk =
                        TestKiosk.create(portal, dir.resolve("kiosk"), "SOU", 3, portal.portal.url(), clock)) {
            assertFalse(kiosk.daemon().restartForNewConfig(), "nothing new: carry on");

            apply(kiosk, 4);
            assertTrue(kiosk.daemon().restartForNewConfig(), "version 4 is in force: restart to read it");
            assertTrue(kiosk.daemon().restartRequested());
            assertEquals(
                    Optional.empty(),
                    DeviceState.read(kiosk.app, RestartRequest.KEY),
                    "the app already runs version 4: it is not asked to restart");
            assertFalse(kiosk.daemon().restartForNewConfig(), "asked once");

            kiosk.restartDaemon();
            assertFalse(kiosk.daemon().restartForNewConfig(), "the new daemon started with version 4");
            apply(kiosk, 5);
            assertTrue(kiosk.daemon().restartForNewConfig());
        }
    }

    private static void apply(TestKiosk kiosk, long version) throws Exception {
        Instant now = Instant.parse("2026-11-23T09:05:00Z");
        DeviceState.write(
                kiosk.app,
                DeviceState.applied("config"),
                new StagedBundle("config", version, "bundles/config-" + version + ".bundle", "ab".repeat(32), now),
                now);
    }
}
