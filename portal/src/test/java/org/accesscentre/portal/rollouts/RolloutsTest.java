package org.accesscentre.portal.rollouts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.core.wire.BundleRefused;
import org.accesscentre.core.wire.Heartbeat;
import org.accesscentre.core.wire.HeartbeatReply;
import org.accesscentre.core.wire.ReleaseOffered;
import org.accesscentre.core.wire.SignedOrder;
import org.accesscentre.device.bundle.RollbackOrder;
import org.accesscentre.portal.support.Http;
import org.accesscentre.portal.support.TestBundles;
import org.accesscentre.portal.support.TestDevice;
import org.accesscentre.portal.support.TestPortal;
import org.accesscentre.testing.TestClock;
import org.jspecify.annotations.Nullable;
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
 * overdue flag by the portal's clock, and a portal restarted mid-rollout that carries on. Releases: offered only
 * through a rollout, in the heartbeat's reply, downloaded in byte ranges, their device states from heartbeats,
 * their minimums, and rollbacks that need the ICT office's signed order.
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
        return beat(d, "1", catalogue, 0, refused);
    }

    /** A heartbeat reporting app release {@code release}, catalogue and configuration versions, and refusals. */
    private HeartbeatReply beat(TestDevice d, String release, long catalogue, long config, BundleRefused... refused) {
        return d.heartbeatOk(heartbeat(release, catalogue, config, refused));
    }

    private Heartbeat heartbeat(String release, long catalogue, long config, BundleRefused... refused) {
        return new Heartbeat(
                release,
                catalogue,
                config,
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

    // ----- releases -----

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private Http.Response download(TestDevice d, String... headers) {
        Map<String, String> h = new java.util.LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            h.put(headers[i], headers[i + 1]);
        }
        return portal.http.call("GET", "/api/v1/device/release", d.token(), h, null);
    }

    private static String header(Http.Response r, String name) {
        return r.headers().firstValue(name).orElse("(none)");
    }

    private static Map<String, Object> releaseRollout(long bundleId, @Nullable SignedOrder order, Object... sizes) {
        Map<String, Object> body = new java.util.HashMap<>(rollout(bundleId, sizes));
        body.put(
                "waves",
                java.util.Arrays.stream(sizes)
                        .map(size -> Map.of("size", size, "successThreshold", 1.0, "errorThreshold", 1.0))
                        .toList());
        if (order != null) {
            body.put("rollbackOrder", order);
        }
        return body;
    }

    @Test
    void aReleaseOfManyPiecesDownloadsByteExactWholeAndFromAnyByte() throws Exception {
        fleet(1);
        byte[] bytes = bundles.largeRelease(
                2, 2 * org.accesscentre.portal.http.BundleStream.PIECE + 12_345, portal.signing.getPrivate());
        int n = bytes.length;
        created(rollout(publish(bytes), "100%"));
        TestDevice d = devices.get(0);
        assertEquals(2, beat(d, "1", 1, 0).release().version());

        Http.Response whole = download(d);
        assertEquals(200, whole.status());
        assertEquals(Integer.toString(n), header(whole, "Content-Length"));
        assertArrayEquals(bytes, whole.body(), "streamed piece by piece, the same bytes");

        // Across the first piece's end, and from there to the end of the file.
        int from = org.accesscentre.portal.http.BundleStream.PIECE - 7;
        Http.Response rest = download(d, "Range", "bytes=" + from + "-");
        assertEquals(206, rest.status());
        assertEquals("bytes " + from + "-" + (n - 1) + "/" + n, header(rest, "Content-Range"));
        assertArrayEquals(java.util.Arrays.copyOfRange(bytes, from, n), rest.body());
    }

    @Test
    void aReleaseIsOfferedOnlyThroughARolloutAndDownloadsByteExactInRanges() throws Exception {
        fleet(3);
        byte[] bytes = bundles.release(2, 0, 0, portal.signing.getPrivate());
        long v2 = publish(bytes);
        int n = bytes.length;
        String etag = "\"" + sha256(bytes) + "\"";
        assertNull(beat(devices.get(0), "1", 1, 0).release(), "a published release goes to nobody by itself");
        Http.Response none = download(devices.get(0));
        assertEquals(404, none.status(), none.text());
        assertEquals("none_offered", none.json().get("code").asText());

        long id = created(rollout(v2, "1", "100%")).get("id").asLong();
        TestDevice first = devices.get(0);
        assertEquals(
                new ReleaseOffered(2, n, sha256(bytes), null),
                beat(first, "1", 1, 0).release());
        Http.Response other =
                portal.http.postJson("/api/v1/device/heartbeat", devices.get(1).token(), heartbeat("1", 1, 0));
        assertFalse(other.json().has("release"), "no offer, no field: " + other.text());
        assertEquals(404, download(devices.get(1)).status(), "wave 2 has not started");

        Http.Response whole = download(first);
        assertEquals(200, whole.status());
        assertArrayEquals(bytes, whole.body());
        assertEquals(etag, header(whole, "ETag"));
        assertEquals("bytes", header(whole, "Accept-Ranges"));
        assertEquals("application/octet-stream", header(whole, "Content-Type"));
        assertEquals(Integer.toString(n), header(whole, "Content-Length"));
        assertEquals("2", header(whole, "X-Bundle-Version"));
        assertEquals("(none)", header(whole, "Content-Range"));
        assertEquals("1: 0p 0o 1d 0i 0f 0r 0late", wave(status(id), 1), "fetching it is downloading");

        Http.Response rest = download(first, "Range", "bytes=100-");
        assertEquals(206, rest.status());
        assertEquals("bytes 100-" + (n - 1) + "/" + n, header(rest, "Content-Range"));
        assertEquals(Integer.toString(n - 100), header(rest, "Content-Length"));
        assertEquals(etag, header(rest, "ETag"));
        assertArrayEquals(java.util.Arrays.copyOfRange(bytes, 100, n), rest.body());

        Http.Response middle = download(first, "Range", "bytes=10-19");
        assertEquals(206, middle.status());
        assertEquals("bytes 10-19/" + n, header(middle, "Content-Range"));
        assertArrayEquals(java.util.Arrays.copyOfRange(bytes, 10, 20), middle.body());

        Http.Response past = download(first, "Range", "bytes=" + (n - 5) + "-" + (n + 1000));
        assertEquals(206, past.status());
        assertEquals("bytes " + (n - 5) + "-" + (n - 1) + "/" + n, header(past, "Content-Range"));
        assertArrayEquals(java.util.Arrays.copyOfRange(bytes, n - 5, n), past.body());

        Http.Response last = download(first, "Range", "bytes=" + (n - 1) + "-");
        assertEquals(206, last.status());
        assertArrayEquals(new byte[] {bytes[n - 1]}, last.body());

        for (String beyond : List.of("bytes=" + n + "-", "bytes=" + (n + 7) + "-" + (n + 9))) {
            Http.Response r = download(first, "Range", beyond);
            assertEquals(416, r.status(), beyond);
            assertEquals("bytes */" + n, header(r, "Content-Range"), beyond);
            assertEquals("range_not_satisfiable", r.json().get("code").asText());
        }
        for (String ignored : List.of("bytes=0-1,5-6", "bytes=9-3", "bytes=abc", "lines=1-2")) {
            Http.Response r = download(first, "Range", ignored);
            assertEquals(200, r.status(), ignored);
            assertEquals("(none)", header(r, "Content-Range"), ignored);
            assertArrayEquals(bytes, r.body(), ignored);
        }
        Http.Response changed = download(first, "Range", "bytes=100-", "If-Range", "\"another file\"");
        assertEquals(200, changed.status(), "a range of another file is worthless");
        assertArrayEquals(bytes, changed.body());

        assertNull(beat(first, "2", 1, 0).release(), "installed: nothing more to offer");
        JsonNode r = status(id);
        assertEquals("1: 0p 0o 0d 1i 0f 0r 0late", wave(r, 1));
        assertEquals("2: 0p 2o 0d 0i 0f 0r 0late", wave(r, 2));
        assertFalse(r.get("rollback").asBoolean());
        assertEquals(2, beat(devices.get(1), "1", 1, 0).release().version());
        assertEquals(404, download(first).status(), "installed: nothing to download");

        Http.Response second = create(rollout(v2, "100%"));
        assertEquals(409, second.status(), "one active rollout of releases at a time");
        assertEquals("rollout_active", second.json().get("code").asText());
        action(id, "abort", Map.of());
        assertNull(beat(devices.get(1), "1", 1, 0).release(), "an aborted rollout's offer is withdrawn");
        assertEquals(404, download(devices.get(1)).status());
    }

    @Test
    void aReleasesDeviceStatesFollowWhatTheHeartbeatsReport() throws Exception {
        fleet(5);
        long v2 = publish(bundles.release(2, 0, 0, portal.signing.getPrivate()));
        long id = created(releaseRollout(v2, null, "100%")).get("id").asLong();
        TestDevice installs = devices.get(0);
        TestDevice refuses = devices.get(1);
        TestDevice rollsBack = devices.get(2);
        TestDevice goesBack = devices.get(3);
        TestDevice failsThenRollsBack = devices.get(4);

        assertEquals(200, download(installs).status());
        beat(installs, "2", 1, 0);
        beat(refuses, "1", 1, 0, new BundleRefused("release", 2, "refused: bad signature"));
        beat(rollsBack, "1", 1, 0, new BundleRefused("release", 2, "the app did not start", true));
        beat(goesBack, "2.0.1", 1, 0);
        beat(goesBack, "1", 1, 0);
        beat(failsThenRollsBack, "1", 1, 0, new BundleRefused("release", 2, "not enough disk"));
        assertEquals("5: 0p 0o 0d 1i 2f 2r 0late", wave(status(id), 1));
        beat(failsThenRollsBack, "1", 1, 0, new BundleRefused("release", 2, "health check failed", true));
        beat(refuses, "1", 1, 0, new BundleRefused("release", 1, "an older refusal is not about this release"));

        JsonNode r = status(id);
        assertEquals("5: 0p 0o 0d 1i 1f 3r 0late", wave(r, 1));
        Map<String, String> failures = new java.util.TreeMap<>();
        r.get("failures")
                .forEach(f -> failures.put(
                        f.get("deviceId").asText(),
                        f.get("state").asText() + ": " + f.get("reason").asText()));
        assertEquals(
                Map.of(
                        refuses.deviceId, "failed: refused: bad signature",
                        rollsBack.deviceId, "rolled_back: the app did not start",
                        goesBack.deviceId, "rolled_back: the device reports release 1 again",
                        failsThenRollsBack.deviceId, "rolled_back: health check failed"),
                failures);
        assertEquals("running", r.get("state").asText(), "4 of 5 is not above an error threshold of 1.0");
    }

    @Test
    void aReleaseFailuresCountTowardTheErrorThreshold() throws Exception {
        fleet(5);
        long v2 = publish(bundles.release(2, 0, 0, portal.signing.getPrivate()));
        long id = created(rollout(v2, "100%")).get("id").asLong();
        beat(devices.get(0), "2", 1, 0);
        beat(devices.get(1), "1", 1, 0, new BundleRefused("release", 2, "the app did not start", true));
        assertEquals("running", status(id).get("state").asText(), "1 of 5 is not above 0.2");
        beat(devices.get(2), "1", 1, 0, new BundleRefused("release", 2, "refused: bad signature"));
        JsonNode r = status(id);
        assertEquals("halted", r.get("state").asText());
        assertTrue(r.get("reason").asText().startsWith("wave 1: 2 of 5 devices failed or rolled back"), r.toString());
        assertNull(beat(devices.get(2), "1", 1, 0).release(), "a failed device is not offered it again");
        assertEquals(2, beat(devices.get(3), "1", 1, 0).release().version(), "an offered one keeps its offer");
    }

    @Test
    void aReleaseNeedingANewerCatalogueOrConfigurationIsRefusedNamingTheDevices() throws Exception {
        fleet(3);
        long v2 = publish(bundles.release(2, 2, 1, portal.signing.getPrivate()));
        Http.Response r = create(rollout(v2, "100%"));
        assertEquals(409, r.status(), r.text());
        assertEquals("incompatible", r.json().get("code").asText());
        String message = r.json().get("message").asText();
        assertTrue(
                message.startsWith("release 2 needs catalogue version 2 and configuration version 1 or later, which"
                        + " has not been reported by 3 targeted devices: " + devices.get(0).deviceId),
                message);
        for (TestDevice d : devices) {
            beat(d, "1", 2, 0);
        }
        beat(devices.get(1), "1", 2, 1);
        r = create(rollout(v2, "100%"));
        assertEquals(409, r.status(), r.text());
        assertEquals(2, r.json().get("details").get("devices").asInt(), "the configuration still holds two back");
        assertEquals(0, portal.count("SELECT COUNT(*) FROM rollout"));
        beat(devices.get(0), "1", 3, 1);
        beat(devices.get(2), "1", 2, 4);
        assertEquals("running", created(rollout(v2, "100%")).get("state").asText());
    }

    @Test
    void aReleaseIsCheckedWhenPublishedAndGoesToEveryone() throws Exception {
        fleet(1);
        byte[] release = bundles.release(2, 0, 0, portal.signing.getPrivate());
        Http.Response centre = portal.publish(release, "centre:SOU");
        assertEquals(400, centre.status(), centre.text());
        assertEquals("invalid_target", centre.json().get("code").asText());
        Http.Response tampered = portal.publish(TestBundles.tamper(release, "kiosk-app 2", "kiosk-app 9"), "all");
        assertEquals(400, tampered.status(), tampered.text());
        assertEquals("invalid_bundle", tampered.json().get("code").asText());
        publish(release);
        assertEquals(
                0,
                portal.count("SELECT min_catalogue_version + min_config_version FROM bundle WHERE kind = 'release'"));
        long v3 = publish(bundles.release(3, 4, 5, portal.signing.getPrivate()));
        assertEquals(4, portal.count("SELECT min_catalogue_version FROM bundle WHERE id = ?", v3));
        assertEquals(5, portal.count("SELECT min_config_version FROM bundle WHERE id = ?", v3));
    }

    @Test
    void goingBackToAnOlderReleaseNeedsASignedOrderThatCoversEveryDevice() throws Exception {
        fleet(3);
        byte[] bytes = bundles.release(2, 0, 0, portal.signing.getPrivate());
        long v2 = publish(bytes);
        publish(bundles.release(3, 0, 0, portal.signing.getPrivate()));
        for (TestDevice d : devices) {
            beat(d, "3", 1, 0);
        }
        PrivateKey key = portal.signing.getPrivate();
        Instant issued = clock.instant();

        Http.Response none = create(releaseRollout(v2, null, "1", "100%"));
        assertEquals(409, none.status(), none.text());
        assertEquals("rollback_needs_order", none.json().get("code").asText());
        assertTrue(
                none.json().get("message").asText().contains("3 targeted devices: " + devices.get(0).deviceId),
                none.text());

        SignedOrder unknownKey = new RollbackOrder(2, 3, "3 loses receipts", issued)
                .sign(Keys.generate(Keys.ED25519).getPrivate());
        SignedOrder valid = new RollbackOrder(2, 3, "3 loses receipts", issued).sign(key);
        SignedOrder forged = new SignedOrder(
                new RollbackOrder(2, 9, "3 loses receipts", issued).sign(key).order(),
                valid.keyId(),
                valid.signature());
        SignedOrder wrongRelease = new RollbackOrder(1, 3, "3 loses receipts", issued).sign(key);
        for (var bad : List.of(
                List.of(unknownKey, "unknown key"),
                List.of(forged, "signature by key " + valid.keyId() + " is invalid"),
                List.of(wrongRelease, "the rollback order is for release 1 but bundle " + v2 + " is release 2"))) {
            Http.Response r = create(releaseRollout(v2, (SignedOrder) bad.get(0), "1", "100%"));
            assertEquals(400, r.status(), r.text());
            assertEquals("invalid_rollback_order", r.json().get("code").asText());
            assertTrue(r.json().get("message").asText().contains((String) bad.get(1)), r.text());
        }
        long catalogue = publish(bundles.catalogue(2, key));
        Http.Response notRelease = create(releaseRollout(catalogue, valid, "100%"));
        assertEquals(400, notRelease.status(), notRelease.text());
        assertEquals("invalid_rollback_order", notRelease.json().get("code").asText());

        beat(devices.get(2), "4", 1, 0);
        Http.Response uncovered = create(releaseRollout(v2, valid, "1", "100%"));
        assertEquals(409, uncovered.status(), uncovered.text());
        assertEquals("rollback_needs_order", uncovered.json().get("code").asText());
        assertTrue(
                uncovered
                        .json()
                        .get("message")
                        .asText()
                        .endsWith("1 targeted device: " + devices.get(2).deviceId
                                + "; the rollback order covers releases up to 3 only"),
                uncovered.text());
        assertEquals(0, portal.count("SELECT COUNT(*) FROM rollout"));

        beat(devices.get(2), "3", 1, 0);
        JsonNode r = created(releaseRollout(v2, valid, "1", "100%"));
        long id = r.get("id").asLong();
        assertTrue(r.get("rollback").asBoolean());
        assertEquals("3 loses receipts", r.get("rollbackReason").asText());
        assertEquals(r, status(id));
        assertEquals(
                new ReleaseOffered(2, bytes.length, sha256(bytes), valid),
                beat(devices.get(0), "3", 1, 0).release());
        beat(devices.get(0), "2", 1, 0);
        assertEquals("1: 0p 0o 0d 1i 0f 0r 0late", wave(status(id), 1), "back at release 2: installed");
        assertEquals(valid, beat(devices.get(1), "3", 1, 0).release().rollback(), "wave 2 gets the order too");
        beat(devices.get(1), "4", 1, 0);
        assertEquals(
                "2: 0p 2o 0d 0i 0f 0r 0late", wave(status(id), 2), "a rollback is installed at its release, no other");
    }

    @Test
    void resumingWithANewerReleaseKeepsTheRules() throws Exception {
        fleet(2);
        long v2 = publish(bundles.release(2, 0, 0, portal.signing.getPrivate()));
        long id = created(rollout(v2, "1", "100%")).get("id").asLong();
        action(id, "pause", Map.of());
        long v3 = publish(bundles.release(3, 5, 0, portal.signing.getPrivate()));
        Http.Response resumed =
                portal.http.postJson("/api/v1/admin/rollouts/" + id + "/resume", portal.admin, Map.of("bundleId", v3));
        assertEquals(409, resumed.status(), resumed.text());
        assertEquals("incompatible", resumed.json().get("code").asText());
        SignedOrder order = new RollbackOrder(3, 4, "why not", clock.instant()).sign(portal.signing.getPrivate());
        Http.Response orderAlone = portal.http.postJson(
                "/api/v1/admin/rollouts/" + id + "/resume", portal.admin, Map.of("rollbackOrder", order));
        assertEquals(400, orderAlone.status(), orderAlone.text());
        assertEquals("rollbackOrder", orderAlone.json().at("/details/field").asText());
        assertEquals("paused", status(id).get("state").asText());
        long v4 = publish(bundles.release(4, 0, 0, portal.signing.getPrivate()));
        JsonNode r = action(id, "resume", Map.of("bundleId", v4));
        assertEquals(4, r.get("version").asLong());
        assertEquals(4, beat(devices.get(0), "1", 1, 0).release().version());
    }
}
