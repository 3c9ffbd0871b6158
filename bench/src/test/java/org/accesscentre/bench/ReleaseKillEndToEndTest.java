package org.accesscentre.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.accesscentre.bench.sim.SteppedKiosk;
import org.accesscentre.device.config.DeviceConfig;
import org.accesscentre.device.portal.PortalClient;
import org.accesscentre.sync.SyncDaemon;
import org.accesscentre.testing.ChildJvm;
import org.accesscentre.testing.ReleaseDirs;
import org.accesscentre.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real sync daemon, in a child JVM, installs release 2 from a real portal's rollout and is SIGKILLed at
 * each step: download, verify, unpack, switch, restart, health check. Then the kiosk starts again: it runs
 * release 1 or release 2, each slot complete, never a mix, and the portal's rollout and fleet say which. Then,
 * left alone, it finishes the job.
 */
class ReleaseKillEndToEndTest {
    private static final long WAIT_SECONDS = 90;

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

    static Stream<Arguments> killPoints() {
        return Stream.of(
                Arguments.of("download.piece", 1L, "downloading"),
                Arguments.of("verify.started", 1L, "downloading"),
                Arguments.of("unpack.extracted", 1L, "downloading"),
                Arguments.of("switch.current-linked", 1L, "downloading"),
                Arguments.of("switch.moved", 2L, "installed"),
                Arguments.of("restart.requested", 2L, "installed"),
                Arguments.of("health.checking", 1L, "rolled_back"));
    }

    @ParameterizedTest(name = "killed at {0}")
    @MethodSource("killPoints")
    void afterAKillTheKioskRunsOneWholeReleaseAndThePortalSaysWhich(String point, long runs, String state)
            throws Exception {
        portal = ReleasePortal.start(dir, clock);
        PortalClient admin = portal.admin;
        Path one = ReleaseDirs.write(dir.resolve("in-1"), 1);
        Path two = ReleaseDirs.write(dir.resolve("in-2"), 2);
        byte[] big = new byte[300_000]; // several pieces of the download
        new Random(2).nextBytes(big);
        Files.write(two.resolve("kiosk-app/lib/big.jar"), big);
        DeviceConfig config = portal.kiosk("SOU", 1, one);
        Path data = config.dataDir();
        Path configFile = dir.resolve("kiosks/SOU-1.json");

        kiosk = new SteppedKiosk(config, clock, SyncDaemon.Options.DEFAULTS, r -> true);
        kiosk.step(); // enrols, reports release 1
        String deviceId = kiosk.deviceId();
        kiosk.close();
        kiosk = null;
        long bundleId = portal.publish(two);
        String rollout = admin.createRollout(Map.of(
                        "bundleId",
                        bundleId,
                        "target",
                        Map.of("devices", List.of(deviceId)),
                        "waves",
                        List.of(Map.of("size", "100%"))))
                .path("id")
                .asText();

        killAt(List.of(configFile.toString(), point), point);

        // The kiosk starts again, with a citizen at it: it recovers, reports, and installs nothing more yet.
        kiosk = new SteppedKiosk(config, clock, SyncDaemon.Options.DEFAULTS, r -> true);
        kiosk.inUse(true);
        kiosk.step();
        clock.advance(Duration.ofSeconds(61));
        kiosk.step();

        assertEquals(runs, kiosk.current());
        assertEquals(files(runs == 1 ? one : two), files(data.resolve("releases/current")), "a whole release");
        try (Stream<Path> s = Files.list(data.resolve("releases"))) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().endsWith(".partial")), "nothing half-unpacked");
        }
        assertEquals(Long.toString(runs), portal.reportedRelease(deviceId));
        assertEquals(
                1, count(admin.rollout(rollout), state), admin.rollout(rollout).toString());

        // Left alone, it finishes: an interrupted install is done again; a rolled-back release is not retried.
        kiosk.inUse(false);
        for (int i = 0; i < 6; i++) {
            clock.advance(Duration.ofSeconds(61));
            kiosk.step();
        }
        long last = state.equals("rolled_back") ? 1 : 2;
        assertEquals(last, kiosk.current());
        assertEquals(Long.toString(last), portal.reportedRelease(deviceId));
        assertEquals(1, count(admin.rollout(rollout), last == 2 ? "installed" : "rolled_back"));
    }

    private static int count(JsonNode rollout, String state) {
        String column = switch (state) {
            case "rolled_back" -> "rolledBack";
            default -> state;
        };
        return rollout.path("waves").get(0).path(column).asInt();
    }

    private static Map<String, String> files(Path root) throws Exception {
        Path real = root.toRealPath();
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(real)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(
                        real.relativize(p).toString(),
                        HexFormat.of()
                                .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        }
        return out;
    }

    /** Starts the daemon's child JVM, waits for it to pause at {@code point}, and SIGKILLs it there. */
    private void killAt(List<String> args, String point) throws Exception {
        Path err = dir.resolve("child.err");
        Process child = ChildJvm.start(DaemonInstallChild.class, args, err);
        try {
            ChildJvm.awaitLine(child, "paused " + point, err, Duration.ofSeconds(WAIT_SECONDS));
        } finally {
            child.toHandle().destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
            child.waitFor();
        }
        assertEquals(137, child.exitValue(), "killed by SIGKILL");
    }
}
