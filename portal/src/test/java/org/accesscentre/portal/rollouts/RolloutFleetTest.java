package org.accesscentre.portal.rollouts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.accesscentre.core.wire.BundleRefused;
import org.accesscentre.core.wire.Heartbeat;
import org.accesscentre.core.wire.HeartbeatReply;
import org.accesscentre.portal.support.Http;
import org.accesscentre.portal.support.TestBundles;
import org.accesscentre.portal.support.TestDevice;
import org.accesscentre.portal.support.TestPortal;
import org.accesscentre.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fifty simulated devices on the device protocol (heartbeats and fetches, as the daemon sends them), a catalogue
 * in three waves, five devices rigged to refuse it: the rollout halts at the error threshold in the wave that
 * holds them, the others keep their catalogue, and resuming with a fixed catalogue completes it.
 */
class RolloutFleetTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T14:00:00Z"));

    @Test
    void fiftyDevicesThreeWavesFiveRiggedToFailHaltThenAFixCompletes(@TempDir Path dir) throws Exception {
        try (TestPortal portal = TestPortal.start(TestPortal.Db.SQLITE, dir.resolve("portal"), clock)) {
            List<TestDevice> fleet = new ArrayList<>();
            String[] centres = {"SOU", "CAS", "VFT", "GRI", "LAB"};
            for (int i = 0; i < 50; i++) {
                TestDevice d = TestDevice.enrol(portal, centres[i % 5], i / 5 + 1, clock);
                d.authenticate();
                fleet.add(d);
            }
            fleet.sort(Comparator.comparing(d -> d.deviceId));
            // The five rigged devices are in the last wave (devices 6 to 50 by id).
            Set<String> rigged =
                    fleet.subList(10, 15).stream().map(d -> d.deviceId).collect(Collectors.toSet());
            long[] applied = new long[50];
            TestBundles bundles = new TestBundles(dir.resolve("bundles"), clock);
            publish(portal, bundles.catalogue(1, portal.signing.getPrivate()));
            for (int i = 0; i < 50; i++) {
                applied[i] = 1;
                beat(fleet.get(i), 1, List.of());
            }
            long broken = publish(portal, bundles.catalogue(2, portal.signing.getPrivate()));
            Http.Response created = portal.http.postJson(
                    "/api/v1/admin/rollouts",
                    portal.admin,
                    Map.of(
                            "bundleId", broken,
                            "target", Map.of("all", true),
                            "waves", List.of(wave("1"), wave("10%"), wave("100%"))));
            assertEquals(201, created.status(), created.text());
            long id = created.json().get("id").asLong();

            for (int round = 0; round < 4; round++) {
                for (int i = 0; i < 50; i++) {
                    TestDevice d = fleet.get(i);
                    HeartbeatReply reply = beat(d, applied[i], refusals(d, rigged, applied[i], 2));
                    if (reply.catalogueVersion() > applied[i] && !rigged.contains(d.deviceId)) {
                        assertEquals(
                                200,
                                portal.http
                                        .get("/api/v1/device/catalogue", d.token())
                                        .status());
                        applied[i] = reply.catalogueVersion();
                    }
                }
            }
            JsonNode r = status(portal, id);
            assertEquals("halted", r.get("state").asText(), r.toString());
            assertEquals(3, r.get("currentWave").asInt());
            assertTrue(r.get("reason").asText().startsWith("wave 3: 5 of 45 devices failed"), r.toString());
            assertEquals(rigged, ids(r.get("failures")));
            assertEquals(List.of(1, 4, 45), sizes(r));
            long reachedAndNot =
                    java.util.Arrays.stream(applied).filter(v -> v == 1).count();
            assertEquals(5, reachedAndNot, "only the rigged devices still run catalogue 1");

            long fixed = publish(portal, bundles.catalogue(3, portal.signing.getPrivate()));
            Http.Response resumed = portal.http.postJson(
                    "/api/v1/admin/rollouts/" + id + "/resume", portal.admin, Map.of("bundleId", fixed));
            assertEquals(200, resumed.status(), resumed.text());
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < 50; i++) {
                    HeartbeatReply reply = beat(fleet.get(i), applied[i], List.of());
                    applied[i] = Math.max(applied[i], reply.catalogueVersion());
                }
            }
            r = status(portal, id);
            assertEquals("completed", r.get("state").asText(), r.toString());
            int installed = 0;
            for (JsonNode w : r.get("waves")) {
                installed += w.get("installed").asInt();
            }
            assertEquals(50, installed);
        }
    }

    private static Map<String, Object> wave(String size) {
        return Map.of("size", size, "successThreshold", 0.8, "errorThreshold", 0.1);
    }

    private static List<BundleRefused> refusals(TestDevice d, Set<String> rigged, long applied, long bad) {
        return rigged.contains(d.deviceId) && applied < bad
                ? List.of(new BundleRefused("catalogue", bad, "the catalogue inside says version 0"))
                : List.of();
    }

    private HeartbeatReply beat(TestDevice d, long catalogue, List<BundleRefused> refused) {
        return d.heartbeatOk(new Heartbeat(
                "1", catalogue, 0, 0, 0, 0, 1L << 30, null, "ok", 0, null, clock.instant(), List.of(), refused));
    }

    private static long publish(TestPortal portal, byte[] bundle) {
        Http.Response r = portal.publish(bundle, "all");
        assertEquals(201, r.status(), r.text());
        return r.json().get("id").asLong();
    }

    private static JsonNode status(TestPortal portal, long id) {
        return portal.http.get("/api/v1/admin/rollouts/" + id, portal.admin).json();
    }

    private static Set<String> ids(JsonNode failures) {
        Set<String> out = new java.util.TreeSet<>();
        failures.forEach(f -> out.add(f.get("deviceId").asText()));
        return out;
    }

    private static List<Integer> sizes(JsonNode r) {
        List<Integer> out = new ArrayList<>();
        r.get("waves").forEach(w -> out.add(w.get("devices").asInt()));
        return out;
    }
}
