package org.accesscentre.portal.rollouts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.accesscentre.core.wire.BundleRefused;
import org.accesscentre.core.wire.Heartbeat;
import org.accesscentre.core.wire.HeartbeatReply;
import org.accesscentre.portal.support.Http;
import org.accesscentre.portal.support.TestBundles;
import org.accesscentre.portal.support.TestDevice;
import org.accesscentre.portal.support.TestPortal;
import org.accesscentre.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rollouts on a real portal: checked requests, compatibility gating, waves that start when the one before
 * reaches its success threshold, a halt at the error threshold, pause, resume with a fixed bundle, abort, the
 * overdue flag by the portal's clock, and a portal restarted mid-rollout that carries on.
 */
abstract class RolloutsTest {
    final TestClock clock = new TestClock(Instant.parse("2026-11-22T14:00:00Z"));

    @TempDir
    Path dir;

    TestPortal portal;
    TestBundles bundles;
    /** The fleet, by id: the order the waves take them in. */
    List<TestDevice> devices = new ArrayList<>();

    abstract TestPortal.Db db();

    @BeforeEach
    void start() throws Exception {
        portal = TestPortal.start(db(), dir.resolve("portal"), clock);
        bundles = new TestBundles(dir.resolve("bundles"), clock);
    }

    @AfterEach
    void stop() throws Exception {
        if (portal != null) {
            portal.close();
        }
    }

    /** Ten devices in two centres, each having reported catalogue 1 and app release 1. */
    private void fleet(int n) throws Exception {
        for (int i = 0; i < n; i++) {
            TestDevice d = TestDevice.enrol(portal, i % 2 == 0 ? "SOU" : "CAS", i + 1, clock);
            d.authenticate();
            devices.add(d);
        }
        devices.sort(Comparator.comparing(d -> d.deviceId));
        for (TestDevice d : devices) {
            beat(d, 1);
        }
    }

    private long publish(byte[] bundle) {
        Http.Response r = portal.publish(bundle, "all");
        assertEquals(201, r.status(), r.text());
        return r.json().get("id").asLong();
    }

    private HeartbeatReply beat(TestDevice d, long catalogue, BundleRefused... refused) {
        Heartbeat h = new Heartbeat(
                "1",
                catalogue,
                0,
                0,
                0,
                0,
                1L << 30,
                null,
                "ok",
                0,
                null,
                clock.instant(),
                List.of(),
                List.of(refused));
        return d.heartbeatOk(h);
    }

    private Http.Response create(Map<String, Object> body) {
        return portal.http.postJson("/api/v1/admin/rollouts", portal.admin, body);
    }

    private static Map<String, Object> rollout(long bundleId, Object... sizes) {
        List<Map<String, Object>> waves = new ArrayList<>();
        for (Object s : sizes) {
            waves.add(Map.of("size", s, "successThreshold", 1.0, "errorThreshold", 0.2));
        }
        return Map.of("bundleId", bundleId, "target", Map.of("all", true), "waves", waves);
    }

    private JsonNode created(Map<String, Object> body) {
        Http.Response r = create(body);
        assertEquals(201, r.status(), r.text());
        return r.json();
    }

    private JsonNode status(long id) {
        Http.Response r = portal.http.get("/api/v1/admin/rollouts/" + id, portal.admin);
        assertEquals(200, r.status(), r.text());
        return r.json();
    }

    private JsonNode action(long id, String action, Object body) {
        Http.Response r = portal.http.postJson("/api/v1/admin/rollouts/" + id + "/" + action, portal.admin, body);
        assertEquals(200, r.status(), r.text());
        return r.json();
    }

    /** A wave's numbers, as "offered/downloading/installed/failed/rolledBack/overdue". */
    private static String wave(JsonNode rollout, int wave) {
        JsonNode w = rollout.get("waves").get(wave - 1);
        return w.get("devices").asInt() + ": " + w.get("pending").asInt() + "p "
                + w.get("offered").asInt() + "o "
                + w.get("downloading").asInt() + "d " + w.get("installed").asInt() + "i "
                + w.get("failed").asInt()
                + "f " + w.get("rolledBack").asInt() + "r " + w.get("overdue").asInt() + "late";
    }

    static Stream<Arguments> badRequests() {
        Map<String, Object> wave = Map.of("size", "100%");
        return Stream.of(
                Arguments.of(Map.of("target", Map.of("all", true), "waves", List.of(wave)), "bundleId"),
                Arguments.of(Map.of("bundleId", 1, "waves", List.of(wave)), "target"),
                Arguments.of(Map.of("bundleId", 1, "target", Map.of(), "waves", List.of(wave)), "target"),
                Arguments.of(
                        Map.of(
                                "bundleId",
                                1,
                                "target",
                                Map.of("all", true, "centres", List.of("SOU")),
                                "waves",
                                List.of(wave)),
                        "target"),
                Arguments.of(
                        Map.of("bundleId", 1, "target", Map.of("centres", List.of("sou")), "waves", List.of(wave)),
                        "target.centres[0]"),
                Arguments.of(
                        Map.of("bundleId", 1, "target", Map.of("centres", List.of("XYZ")), "waves", List.of(wave)),
                        "target.centres[0]"),
                Arguments.of(
                        Map.of(
                                "bundleId",
                                1,
                                "target",
                                Map.of("devices", List.of("dev_000000000000")),
                                "waves",
                                List.of(wave)),
                        "target.devices[0]"),
                Arguments.of(Map.of("bundleId", 1, "target", Map.of("all", true), "waves", List.of()), "waves"),
                Arguments.of(
                        Map.of(
                                "bundleId",
                                1,
                                "target",
                                Map.of("all", true),
                                "waves",
                                List.of(wave, wave, wave, wave, wave, wave, wave, wave, wave, wave, wave)),
                        "waves"),
                Arguments.of(
                        Map.of("bundleId", 1, "target", Map.of("all", true), "waves", List.of(Map.of("size", "0"))),
                        "waves[0].size"),
                Arguments.of(
                        Map.of("bundleId", 1, "target", Map.of("all", true), "waves", List.of(Map.of("size", "101%"))),
                        "waves[0].size"),
                Arguments.of(
                        Map.of(
                                "bundleId",
                                1,
                                "target",
                                Map.of("all", true),
                                "waves",
                                List.of(Map.of("size", "50%"), Map.of("size", "50%"), wave)),
                        "waves[1].size"),
                Arguments.of(
                        Map.of("bundleId", 1, "target", Map.of("all", true), "waves", List.of(Map.of("size", "50%"))),
                        "waves[0].size"),
                Arguments.of(
                        Map.of(
                                "bundleId",
                                1,
                                "target",
                                Map.of("all", true),
                                "waves",
                                List.of(Map.of("size", "100%", "successThreshold", 1.5))),
                        "waves[0].successThreshold"),
                Arguments.of(
                        Map.of(
                                "bundleId",
                                1,
                                "target",
                                Map.of("all", true),
                                "waves",
                                List.of(Map.of("size", "100%", "errorThreshold", -0.1))),
                        "waves[0].errorThreshold"),
                Arguments.of(
                        Map.of(
                                "bundleId",
                                1,
                                "target",
                                Map.of("all", true),
                                "waves",
                                List.of(wave),
                                "overdueAfterMinutes",
                                0),
                        "overdueAfterMinutes"));
    }

    @ParameterizedTest(name = "refused, naming {1}")
    @MethodSource("badRequests")
    void aBadRequestIsRefusedNamingTheFieldAndChangesNothing(Map<String, Object> body, String field) throws Exception {
        fleet(1);
        publish(bundles.catalogue(2, portal.signing.getPrivate()));
        Http.Response r = create(body);
        assertEquals(400, r.status(), r.text());
        assertEquals("invalid_rollout", r.json().get("code").asText(), r.text());
        assertEquals(field, r.json().path("details").path("field").asText(), r.text());
        assertEquals(0, portal.count("SELECT COUNT(*) FROM rollout"));
    }

    @Test
    void anUnknownBundleIsNotFoundAndASecondRolloutOfAKindIsAConflict() throws Exception {
        fleet(2);
        assertEquals(404, create(rollout(99, "100%")).status());
        long v2 = publish(bundles.catalogue(2, portal.signing.getPrivate()));
        long id = created(rollout(v2, "1", "100%")).get("id").asLong();
        Http.Response second = create(rollout(v2, "100%"));
        assertEquals(409, second.status(), second.text());
        assertEquals("rollout_active", second.json().get("code").asText());
        assertTrue(second.json().get("message").asText().contains("rollout " + id), second.text());
    }

    @Test
    void aBundleNeedingANewerAppIsRefusedNamingTheDevices() throws Exception {
        fleet(7);
        long v2 = publish(bundles.catalogue(2, portal.signing.getPrivate(), 2));
        Http.Response r = create(rollout(v2, "100%"));
        assertEquals(409, r.status(), r.text());
        assertEquals("incompatible", r.json().get("code").asText());
        String message = r.json().get("message").asText();
        assertTrue(message.contains("7 targeted devices: " + devices.get(0).deviceId), message);
        assertTrue(message.endsWith(" and 2 more"), message);
        assertEquals(7, r.json().get("details").get("devices").asInt());
        assertEquals(0, portal.count("SELECT COUNT(*) FROM rollout"));
    }

    @Test
    void wavesAdvanceHaltAtTheErrorThresholdAndAFixedBundleCompletesTheRollout() throws Exception {
        fleet(10);
        publish(bundles.catalogue(1, portal.signing.getPrivate()));
        long v2 = publish(bundles.catalogue(2, portal.signing.getPrivate()));
        JsonNode r = created(rollout(v2, "1", "50%", "100%"));
        long id = r.get("id").asLong();
        assertEquals("running", r.get("state").asText());
        assertEquals("1: 0p 1o 0d 0i 0f 0r 0late", wave(r, 1));
        assertEquals("4: 4p 0o 0d 0i 0f 0r 0late", wave(r, 2));
        assertEquals("5: 5p 0o 0d 0i 0f 0r 0late", wave(r, 3));

        TestDevice first = devices.get(0);
        assertEquals(2, beat(first, 1).catalogueVersion(), "the first wave is offered version 2");
        assertEquals(1, beat(devices.get(1), 1).catalogueVersion(), "the others keep version 1");
        Http.Response fetched = portal.http.get("/api/v1/device/catalogue", first.token());
        assertEquals("2", fetched.headers().firstValue("X-Bundle-Version").orElseThrow());
        assertEquals(
                1,
                portal.http
                        .get("/api/v1/device/catalogue", devices.get(1).token())
                        .headers()
                        .firstValue("X-Bundle-Version")
                        .map(Long::parseLong)
                        .orElseThrow());
        assertEquals("1: 0p 0o 1d 0i 0f 0r 0late", wave(status(id), 1));

        beat(first, 2);
        r = status(id);
        assertEquals("1: 0p 0o 0d 1i 0f 0r 0late", wave(r, 1));
        assertEquals("4: 0p 4o 0d 0i 0f 0r 0late", wave(r, 2), "wave 2 starts once wave 1 succeeded");
        assertEquals(2, r.get("currentWave").asInt());
        assertEquals(2, beat(devices.get(1), 1).catalogueVersion());

        beat(devices.get(1), 2);
        beat(devices.get(2), 1, new BundleRefused("catalogue", 2, "refused: the catalogue does not read"));
        r = status(id);
        assertEquals("halted", r.get("state").asText(), "1 failure in 4 is above 0.2");
        assertTrue(r.get("reason").asText().startsWith("wave 2: 1 of 4 devices failed"), r.toString());
        assertEquals(
                devices.get(2).deviceId,
                r.get("failures").get(0).get("deviceId").asText());
        assertEquals(
                "refused: the catalogue does not read",
                r.get("failures").get(0).get("reason").asText());
        assertEquals(1, beat(devices.get(9), 1).catalogueVersion(), "wave 3 is not reached while halted");

        long v3 = publish(bundles.catalogue(3, portal.signing.getPrivate()));
        assertEquals(1, beat(devices.get(9), 1).catalogueVersion(), "a newer bundle waits for the rollout");
        r = action(id, "resume", Map.of("bundleId", v3));
        assertEquals("running", r.get("state").asText());
        assertEquals(v3, r.get("bundleId").asLong());
        assertEquals("4: 0p 4o 0d 0i 0f 0r 0late", wave(r, 2), "every device reached is offered the fix");
        for (int i = 0; i < 5; i++) {
            assertEquals(3, beat(devices.get(i), 1).catalogueVersion());
            beat(devices.get(i), 3);
        }
        assertEquals("5: 0p 5o 0d 0i 0f 0r 0late", wave(status(id), 3));
        for (int i = 5; i < 10; i++) {
            beat(devices.get(i), 3);
        }
        r = status(id);
        assertEquals("completed", r.get("state").asText());
        assertEquals(3, beat(devices.get(9), 3).catalogueVersion(), "after it, the newest is everyone's");
    }

    @Test
    void pauseHoldsTheNextWaveResumeCarriesOnAndAbortWithdrawsTheBundle() throws Exception {
        fleet(4);
        publish(bundles.catalogue(1, portal.signing.getPrivate()));
        long v2 = publish(bundles.catalogue(2, portal.signing.getPrivate()));
        long id = created(rollout(v2, "1", "100%")).get("id").asLong();
        assertEquals("paused", action(id, "pause", Map.of()).get("state").asText());
        Http.Response again = portal.http.postJson("/api/v1/admin/rollouts/" + id + "/pause", portal.admin, Map.of());
        assertEquals(409, again.status(), again.text());
        assertEquals("invalid_state", again.json().get("code").asText());

        beat(devices.get(0), 2);
        assertEquals("3: 3p 0o 0d 0i 0f 0r 0late", wave(status(id), 2), "paused: the next wave waits");
        assertEquals("3: 0p 3o 0d 0i 0f 0r 0late", wave(action(id, "resume", Map.of()), 2));

        assertEquals("aborted", action(id, "abort", Map.of()).get("state").asText());
        assertEquals(1, beat(devices.get(1), 1).catalogueVersion(), "an aborted rollout's bundle is withdrawn");
        assertEquals(
                409,
                portal.http
                        .postJson("/api/v1/admin/rollouts/" + id + "/resume", portal.admin, Map.of())
                        .status());
        long v3 = publish(bundles.catalogue(3, portal.signing.getPrivate()));
        assertEquals(3, beat(devices.get(1), 1).catalogueVersion(), "a later bundle goes out as before");
        created(rollout(v3, "100%"));
        JsonNode list = portal.http.get("/api/v1/admin/rollouts", portal.admin).json();
        assertEquals(2, list.size());
    }

    @Test
    void anOfferedDeviceThatStopsPollingIsOverdueByThePortalsClock() throws Exception {
        fleet(2);
        long v2 = publish(bundles.catalogue(2, portal.signing.getPrivate()));
        Map<String, Object> body = new java.util.HashMap<>(rollout(v2, "100%"));
        body.put("overdueAfterMinutes", 30);
        long id = created(body).get("id").asLong();
        clock.advance(Duration.ofMinutes(31));
        beat(devices.get(0), 1);
        assertEquals("2: 0p 2o 0d 0i 0f 0r 1late", wave(status(id), 1));
    }

    @Test
    void aPortalRestartedMidRolloutCarriesOn() throws Exception {
        fleet(3);
        long v2 = publish(bundles.catalogue(2, portal.signing.getPrivate()));
        long id = created(rollout(v2, "1", "100%")).get("id").asLong();
        beat(devices.get(0), 2);
        JsonNode before = status(id);

        portal.restart();

        assertEquals(before, status(id), "the same rollout, wave for wave");
        assertEquals(2, beat(devices.get(1), 1).catalogueVersion());
        beat(devices.get(1), 2);
        beat(devices.get(2), 2);
        assertEquals("completed", status(id).get("state").asText());
    }
}
