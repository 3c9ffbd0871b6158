package org.accesscentre.sync.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import okio.Buffer;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.core.state.BundleRefusal;
import org.accesscentre.core.state.DeviceState;
import org.accesscentre.core.state.StagedBundle;
import org.accesscentre.core.state.SyncStatus;
import org.accesscentre.portal.support.TestBundles;
import org.accesscentre.portal.support.TestPortal;
import org.accesscentre.sync.support.PortalFront;
import org.accesscentre.sync.support.TestKiosk;
import org.accesscentre.testing.TestClock;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A catalogue the kiosk must not install reaches it anyway: the real portal announces a genuine new version,
 * and something between them (a compromised proxy, a cache replaying old answers) hands the daemon other
 * bytes. The portal itself refuses such bundles at publishing, so a front stands in for the bad hop. The
 * daemon refuses each, says so in the store and in its next heartbeat, keeps the catalogue in force, does
 * not fetch the same version again, and takes the next genuine one.
 */
class BundleRefusalTest {
    private static final String PATH_CATALOGUE = "/api/v1/device/catalogue";
    /** The catalogue in force on the kiosk before anything goes wrong. */
    private static final long IN_FORCE = 2;

    private static final long ANNOUNCED = 3;

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T14:00:00Z"));

    /** What arrives instead of the announced version, made from the bundles and the portal's signing key. */
    static Stream<Arguments> badCatalogues() {
        KeyPair stranger = Keys.generate(Keys.ED25519);
        return Stream.of(
                bad(
                        "tampered after signing",
                        "catalogue.json",
                        (b, p) -> TestBundles.tamper(
                                b.catalogue(ANNOUNCED, p.signing.getPrivate()),
                                "Certificates and ID",
                                "Certificates and IX")),
                bad("unsigned", "unsigned", (b, p) -> b.catalogue(ANNOUNCED, null)),
                bad(
                        "signed by a key the kiosk does not trust",
                        "unknown key",
                        (b, p) -> b.catalogue(ANNOUNCED, stranger.getPrivate())),
                bad(
                        "genuine but older than the one in force",
                        "older",
                        (b, p) -> b.catalogue(IN_FORCE - 1, p.signing.getPrivate())),
                // A cache replaying an old answer whole: its headers name the old version too.
                Arguments.of("older, replayed with its own headers", "older", IN_FORCE - 1, (BiFunction<
                                TestBundles, TestPortal, byte[]>)
                        (b, p) -> b.catalogue(IN_FORCE - 1, p.signing.getPrivate())));
    }

    /** Bytes that arrive labelled as the announced version. */
    private static Arguments bad(String name, String reason, BiFunction<TestBundles, TestPortal, byte[]> bytes) {
        return Arguments.of(name, reason, ANNOUNCED, bytes);
    }

    @ParameterizedTest(name = "a catalogue {0} is refused, reported, and the one in force stays")
    @MethodSource("badCatalogues")
    void aBadCatalogueIsRefusedReportedAndTheOneInForceStays(
            String name, String reason, long labelled, BiFunction<TestBundles, TestPortal, byte[]> bytes)
            throws Exception {
        try (TestPortal portal = TestPortal.start(TestPortal.Db.SQLITE, dir.resolve("portal"), clock);
                PortalFront front = PortalFront.start(portal.portal.url());
                TestKiosk kiosk = TestKiosk.create(portal, dir.resolve("kiosk"), "SOU", 3, front.url(), clock)) {
            TestBundles bundles = new TestBundles(dir.resolve("bundles"), clock);
            publish(portal, bundles.catalogue(IN_FORCE, portal.signing.getPrivate()));
            kiosk.round(); // enrols; the heartbeat names the catalogue; the daemon fetches, verifies, stages it
            StagedBundle inForce = staged(kiosk);
            assertEquals(IN_FORCE, inForce.version());
            byte[] inForceBytes = Files.readAllBytes(Path.of(inForce.file()));

            publish(portal, bundles.catalogue(ANNOUNCED, portal.signing.getPrivate()));
            byte[] forged = bytes.apply(bundles, portal);
            front.answerInstead(PATH_CATALOGUE, 2, () -> zip(forged, labelled));
            nextMinute(kiosk); // the heartbeat announces 3; what arrives is not it

            BundleRefusal refusal = DeviceState.read(kiosk.app, DeviceState.refused("catalogue"))
                    .orElseThrow(() -> new AssertionError(name + " was not refused"));
            assertEquals(ANNOUNCED, refusal.version(), "held against the version announced");
            assertTrue(refusal.reason().contains(reason), name + ": " + refusal.reason());
            SyncStatus status = DeviceState.read(kiosk.app, DeviceState.SYNC).orElseThrow();
            assertTrue(status.online(), "a bad bundle is not a bad link: " + status);
            assertTrue(
                    String.valueOf(status.lastError()).startsWith("refused a catalogue bundle: "),
                    String.valueOf(status.lastError()));

            assertEquals(inForce, staged(kiosk), "the catalogue in force stays");
            assertArrayEquals(inForceBytes, Files.readAllBytes(Path.of(inForce.file())));
            assertEquals(
                    List.of(Path.of(inForce.file()).getFileName().toString()),
                    bundleFiles(kiosk),
                    "nothing of the refused bundle is left on the kiosk");

            kiosk.round(); // the refusal is reported at once, not an interval later
            JsonNode device = device(portal);
            assertEquals(0, device.path("catalogueVersion").asLong(), "nothing was applied: " + device);
            assertTrue(
                    device.path("lastError").asText().contains("refused a catalogue bundle"),
                    "the portal hears of the refusal: " + device);

            int fetches = front.count(PATH_CATALOGUE);
            nextMinute(kiosk);
            assertEquals(fetches, front.count(PATH_CATALOGUE), "the refused version is not fetched again");
            assertEquals(inForce, staged(kiosk));

            front.clearScripts();
            long next = ANNOUNCED + 1;
            publish(portal, bundles.catalogue(next, portal.signing.getPrivate()));
            nextMinute(kiosk);
            assertEquals(next, staged(kiosk).version(), "the next genuine catalogue is taken");
        }
    }

    private static void publish(TestPortal portal, byte[] bundle) {
        var r = portal.publish(bundle, "all");
        assertEquals(201, r.status(), r.text());
    }

    /** The answer a portal gives for a catalogue, with these bytes in it. */
    private static MockResponse zip(byte[] bytes, long version) {
        return new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "application/zip")
                .setHeader("X-Bundle-Version", Long.toString(version))
                .setHeader("ETag", "\"" + HexFormat.of().formatHex(sha256(bytes)) + "\"")
                .body(new Buffer().write(bytes))
                .build();
    }

    private static StagedBundle staged(TestKiosk kiosk) throws Exception {
        return DeviceState.read(kiosk.app, DeviceState.staged("catalogue")).orElseThrow();
    }

    private static List<String> bundleFiles(TestKiosk kiosk) throws Exception {
        try (Stream<Path> files = Files.list(kiosk.dataDir.resolve("bundles"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** A minute on: the heartbeat is due again, and whatever it starts. */
    private void nextMinute(TestKiosk kiosk) throws Exception {
        clock.advance(Duration.ofSeconds(61));
        kiosk.round();
    }

    private static JsonNode device(TestPortal portal) {
        JsonNode devices =
                portal.http.get("/api/v1/admin/devices", portal.admin).json();
        assertFalse(devices.isEmpty());
        return devices.get(0);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
