package org.accesscentre.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
 * A software rollout to a fleet of 50 simulated kiosks (the sim machinery: real stores, real sync daemons, real
 * release slots, a real portal over HTTP), in three waves of 5, to half, then all. Five kiosks in the second
 * wave are rigged so that the new release's app does not start: they roll back and say so, the second wave
 * passes its error threshold and the rollout halts. The ICT office resumes it with a fixed release, and every
 * kiosk ends on it.
 */
class ReleaseRolloutFleetTest {
    private static final int DEVICES = 50;
    private static final int MAX_ROUNDS = 40;

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.now());
    private final List<SteppedKiosk> kiosks = new ArrayList<>();
    private ReleasePortal portal;

    @AfterEach
    void close() throws Exception {
        for (SteppedKiosk k : kiosks) {
            k.close();
        }
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    void aRolloutHaltsAtTheErrorThresholdTheFailedKiosksRollBackAndAFixedReleaseCompletesIt() throws Exception {
        portal = ReleasePortal.start(dir, clock);
        PortalClient admin = portal.admin;
        Path release1 = ReleaseDirs.write(dir.resolve("in-1"), 1);
        for (int i = 0; i < DEVICES; i++) {
            DeviceConfig config = portal.kiosk("S" + (char) ('A' + i / 10) + "A", i % 10 + 1, release1);
            kiosks.add(new SteppedKiosk(config, clock, SyncDaemon.Options.DEFAULTS, r -> true));
        }
        round(); // every kiosk boots, enrols and reports release 1
        for (SteppedKiosk k : kiosks) {
            assertTrue(!k.deviceId().isEmpty(), k.name + " enrolled");
        }

        // Waves go by device id; the second wave is the 6th to the 25th. Five of those fail on release 2.
        List<SteppedKiosk> byId = new ArrayList<>(kiosks);
        byId.sort(Comparator.comparing(k -> {
            try {
                return k.deviceId();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
        Set<String> rigged = new TreeSet<>();
        for (SteppedKiosk k : byId.subList(5, 10)) {
            k.rig(release -> release != 2);
            rigged.add(k.deviceId());
        }

        long two = portal.publish(ReleaseDirs.write(dir.resolve("in-2"), 2));
        JsonNode created = admin.createRollout(Map.of(
                "bundleId",
                two,
                "target",
                Map.of("all", true),
                "waves",
                List.of(wave("5"), wave("50%"), wave("100%"))));
        String id = created.path("id").asText();

        roundsUntil(admin, id, "halted");
        // A halt starts no new wave; kiosks already offered the release finish what they started.
        JsonNode halted = roundsUntil(admin, id, r -> {
            JsonNode second = r.path("waves").get(1);
            return second.path("offered").asInt() + second.path("downloading").asInt() == 0;
        });
        assertEquals("halted", halted.path("state").asText());

        JsonNode waves = halted.path("waves");
        assertEquals(List.of(5, 20, 25), sizes(waves));
        assertEquals(5, waves.get(0).path("installed").asInt(), waves.toString());
        assertEquals(5, waves.get(1).path("rolledBack").asInt(), waves.toString());
        assertEquals(15, waves.get(1).path("installed").asInt(), "the rest of wave 2 finished what it started");
        assertEquals(
                0,
                waves.get(2).path("installed").asInt()
                        + waves.get(2).path("offered").asInt(),
                "wave 3 waits");
        assertTrue(halted.path("reason").asText().contains("error threshold"), halted.toString());
        Map<String, String> failures = new LinkedHashMap<>();
        for (JsonNode f : halted.path("failures")) {
            failures.put(
                    f.path("deviceId").asText(),
                    f.path("state").asText() + ": " + f.path("reason").asText());
        }
        assertEquals(rigged, failures.keySet(), "the rigged kiosks, and they only, failed");
        for (String why : failures.values()) {
            assertTrue(why.startsWith("rolled_back: ") && why.contains("rigged to fail on 2"), why);
        }
        for (SteppedKiosk k : byId.subList(5, 10)) {
            assertEquals(1, k.current(), k.name + " is back on release 1");
        }
        for (SteppedKiosk k : byId.subList(0, 5)) {
            assertEquals(2, k.current(), k.name + " of the first wave runs release 2");
        }
        for (SteppedKiosk k : byId.subList(25, DEVICES)) {
            assertEquals(1, k.current(), k.name + " of the third wave was never offered release 2");
        }

        // Release 3 fixes what the rigged kiosks tripped on; resuming with it completes the rollout.
        long three = portal.publish(ReleaseDirs.write(dir.resolve("in-3"), 3));
        admin.rolloutAction(id, "resume", three);
        JsonNode completed = roundsUntil(admin, id, "completed");

        assertEquals(3, completed.path("version").asLong());
        for (SteppedKiosk k : kiosks) {
            assertEquals(3, k.current(), k.name + " runs release 3");
        }
        int installed = 0;
        for (JsonNode w : completed.path("waves")) {
            installed += w.path("installed").asInt();
        }
        assertEquals(DEVICES, installed, completed.path("waves").toString());
        assertEquals("3", portal.reportedRelease(byId.get(7).deviceId()));
    }

    private static Map<String, Object> wave(String size) {
        return Map.of("size", size, "successThreshold", 1.0, "errorThreshold", 0.1);
    }

    private static List<Integer> sizes(JsonNode waves) {
        List<Integer> out = new ArrayList<>();
        for (JsonNode w : waves) {
            out.add(w.path("devices").asInt());
        }
        return out;
    }

    /** One heartbeat interval on the kiosks' clock, and every kiosk does what is due. */
    private void round() throws Exception {
        clock.advance(Duration.ofSeconds(61));
        for (SteppedKiosk k : kiosks) {
            k.step();
        }
    }

    private JsonNode roundsUntil(PortalClient admin, String id, String state) throws Exception {
        return roundsUntil(admin, id, r -> r.path("state").asText().equals(state));
    }

    private JsonNode roundsUntil(PortalClient admin, String id, java.util.function.Predicate<JsonNode> done)
            throws Exception {
        JsonNode r = admin.rollout(id);
        for (int i = 0; i < MAX_ROUNDS && !done.test(r); i++) {
            round();
            r = admin.rollout(id);
        }
        if (!done.test(r)) {
            fail("the rollout did not get there in " + MAX_ROUNDS + " rounds: " + r);
        }
        return r;
    }
}
