package org.accesscentre.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.accesscentre.app.config.ConfigSource;
import org.accesscentre.core.json.Json;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.core.state.DeviceState;
import org.accesscentre.core.store.SqliteStore;
import org.accesscentre.core.store.StoreOptions;
import org.accesscentre.device.bundle.BundleBuilder;
import org.accesscentre.device.bundle.BundleKind;
import org.accesscentre.device.bundle.BundleSigner;
import org.accesscentre.device.bundle.BundleSpec;
import org.accesscentre.device.config.DeviceConfig;
import org.accesscentre.device.config.DeviceConfigs;
import org.accesscentre.device.config.NewKioskConfig;
import org.accesscentre.sync.SyncDaemon;
import org.accesscentre.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A configuration rollout with every real part: the ICT office publishes a signed config bundle and rolls it
 * out on a real portal; the real daemon fetches, verifies and stages it; the app's {@link ConfigSource}
 * applies or refuses it, or a later start falls back from it; the daemon's next heartbeat tells the portal,
 * whose rollout counts the kiosk installed, or failed with the app's reason.
 */
class ConfigRolloutEndToEndTest {
    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T14:00:00Z"));
    private final KeyPair signing = Keys.generate(Keys.ED25519);
    private BenchPortal portal;
    private DeviceConfig fromFile;
    private ObjectNode fileJson;
    private SyncDaemon daemon;
    private SqliteStore app;
    private ConfigSource configs;

    @BeforeEach
    void kiosk() throws Exception {
        portal = BenchPortal.start(dir.resolve("portal"), null, clock);
        portal.http
                .postJson(
                        "/api/v1/admin/signing-keys",
                        portal.adminToken(),
                        Map.of("publicKey", Keys.toBase64(signing.getPublic())))
                .expect(201, "POST /api/v1/admin/signing-keys");
        Path file = dir.resolve("kiosk.json");
        fromFile = new NewKioskConfig(
                        "SOU",
                        3,
                        URI.create(portal.portal.url()),
                        Keys.toBase64(portal.envelopeKey()),
                        List.of(Keys.toBase64(signing.getPublic())),
                        List.of("en", "fr"),
                        ZoneId.of("America/St_Lucia"),
                        dir.resolve("kiosk").toAbsolutePath(),
                        portal.enrolmentCode("SOU", 3))
                .write(file);
        fileJson = (ObjectNode) Json.wire().readTree(Files.readAllBytes(file));
        fileJson.remove("enrolmentCode");
        daemon = SyncDaemon.open(DeviceConfigs.inForce(fromFile), clock, "config-e2e", SyncDaemon.Options.DEFAULTS);
        app = SqliteStore.open(SyncDaemon.storeFile(fromFile.dataDir()), StoreOptions.DEFAULTS);
        configs = ConfigSource.open(app, DeviceConfigs.resolve(fromFile), clock.instant());
        round(); // enrols, and the first heartbeat tells the portal the app's release
    }

    @AfterEach
    void close() throws Exception {
        app.close();
        daemon.close();
        portal.close();
    }

    @Test
    void anAppliedConfigurationIsReportedInstalled() throws Exception {
        long rollout = rollOut(1, fileJson.deepCopy().put("idleTimeoutSeconds", 120));
        assertEquals(
                1,
                DeviceState.read(app, DeviceState.staged("config"))
                        .orElseThrow()
                        .version());
        assertEquals("downloading", deviceState(rollout));

        assertInstanceOf(ConfigSource.Applied.class, configs.applyStaged(clock.instant())); // between sessions
        nextMinute();

        assertEquals("installed", deviceState(rollout));
        assertEquals("completed", status(rollout).get("state").asText());
    }

    @Test
    void aConfigurationThatWouldMoveTheKioskIsReportedFailedWithTheAppsReason() throws Exception {
        long rollout = rollOut(1, fileJson.deepCopy().put("kiosk", 4));

        assertInstanceOf(ConfigSource.Refused.class, configs.applyStaged(clock.instant()));
        nextMinute();

        JsonNode r = status(rollout);
        assertEquals("halted", r.get("state").asText(), r.toString());
        String reason = r.get("failures").get(0).get("reason").asText();
        assertTrue(reason.contains("may not move the kiosk: it names kiosk 4, not 3"), reason);
        assertEquals(0, configs.version(), "the file's configuration stays in force");
    }

    @Test
    void anAppliedConfigurationALaterStartCannotReadIsReportedFailedWithTheStartsReason() throws Exception {
        long rollout = rollOut(1, fileJson.deepCopy().put("idleTimeoutSeconds", 120));
        assertInstanceOf(ConfigSource.Applied.class, configs.applyStaged(clock.instant()));

        // The SD card loses the kept file before the next heartbeat; the app restarts.
        Files.writeString(DeviceConfigs.kept(fromFile.dataDir(), 1), "{");
        configs = ConfigSource.open(app, DeviceConfigs.resolve(fromFile), clock.instant());
        nextMinute();

        assertEquals(0, configs.version(), "the file's configuration is in force again");
        JsonNode r = status(rollout);
        assertEquals("halted", r.get("state").asText(), r.toString());
        String reason = r.get("failures").get(0).get("reason").asText();
        assertTrue(reason.startsWith("the app refused it at start: config-1.json"), reason);
    }

    /** Publishes a config bundle of {@code version} for everyone and rolls it out in one wave; the kiosk fetches it. */
    private long rollOut(long version, ObjectNode json) throws Exception {
        Path input = Files.createDirectories(dir.resolve("input-" + version));
        Files.write(input.resolve("config.json"), Json.wire().writeValueAsBytes(json));
        Path bundle = dir.resolve("config-" + version + ".bundle");
        new BundleBuilder(clock).build(BundleSpec.of(BundleKind.CONFIG, version), input, bundle);
        BundleSigner.sign(bundle, signing.getPrivate());
        long id = portal.http
                .postFile(
                        "/api/v1/admin/bundles?target=all",
                        portal.adminToken(),
                        "application/zip",
                        Files.readAllBytes(bundle))
                .expect(201, "POST /api/v1/admin/bundles")
                .as(JsonNode.class)
                .get("id")
                .asLong();
        long rollout = portal.http
                .postJson(
                        "/api/v1/admin/rollouts",
                        portal.adminToken(),
                        Map.of(
                                "bundleId",
                                id,
                                "target",
                                Map.of("all", true),
                                "waves",
                                List.of(Map.of("size", "100%", "successThreshold", 1.0, "errorThreshold", 0.0))))
                .expect(201, "POST /api/v1/admin/rollouts")
                .as(JsonNode.class)
                .get("id")
                .asLong();
        nextMinute(); // the heartbeat's reply names the version; the daemon fetches, verifies and stages it
        return rollout;
    }

    private void round() throws Exception {
        Instant next = daemon.engine().runDue();
        if (next.isAfter(clock.instant())) {
            clock.set(next);
        }
    }

    private void nextMinute() throws Exception {
        clock.advance(Duration.ofSeconds(61));
        round();
    }

    private JsonNode status(long rollout) {
        return portal.http
                .get("/api/v1/admin/rollouts/" + rollout, portal.adminToken())
                .expect(200, "GET /api/v1/admin/rollouts/" + rollout)
                .as(JsonNode.class);
    }

    private String deviceState(long rollout) {
        JsonNode wave = status(rollout).get("waves").get(0);
        for (String s : List.of("offered", "downloading", "installed", "failed", "rolledBack")) {
            if (wave.get(s).asInt() == 1) {
                return s;
            }
        }
        return "pending";
    }
}
