package org.accesscentre.sync.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.accesscentre.core.state.BundleRefusal;
import org.accesscentre.core.state.DeviceState;
import org.accesscentre.core.state.StagedBundle;
import org.accesscentre.portal.support.Http;
import org.accesscentre.portal.support.TestBundles;
import org.accesscentre.portal.support.TestPortal;
import org.accesscentre.sync.support.TestKiosk;
import org.accesscentre.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A catalogue rollout reaches a real daemon through a real portal on loopback: the heartbeat's reply names the
 * rollout's version, the fetch shows as downloading, the app applying it shows as installed and completes the
 * rollout; an app that refuses it shows as failed, with its reason, and halts the rollout.
 */
class RolloutReportTest {
    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T14:00:00Z"));

    @Test
    void aCatalogueRolloutReachesTheKioskAndIsReportedInstalled() throws Exception {
        try (TestPortal portal = TestPortal.start(TestPortal.Db.SQLITE, dir.resolve("portal"), clock);
                TestKiosk kiosk =
                        TestKiosk.create(portal, dir.resolve("kiosk"), "SOU", 3, portal.portal.url(), clock)) {
            long id = rollout(portal, kiosk);
            assertEquals("downloading", deviceState(portal, id), "the daemon fetched the rollout's bundle");
            StagedBundle staged =
                    DeviceState.read(kiosk.app, DeviceState.staged("catalogue")).orElseThrow();
            assertEquals(2, staged.version());

            // The app applies it between sessions, as CatalogueSource does.
            DeviceState.write(kiosk.app, DeviceState.applied("catalogue"), staged, clock.instant());
            nextMinute(kiosk);

            JsonNode r = status(portal, id);
            assertEquals("installed", deviceState(portal, id));
            assertEquals("completed", r.get("state").asText(), r.toString());
        }
    }

    @Test
    void aCatalogueTheAppRefusesIsReportedFailedWithItsReason() throws Exception {
        try (TestPortal portal = TestPortal.start(TestPortal.Db.SQLITE, dir.resolve("portal"), clock);
                TestKiosk kiosk =
                        TestKiosk.create(portal, dir.resolve("kiosk"), "SOU", 3, portal.portal.url(), clock)) {
            long id = rollout(portal, kiosk);
            String reason = "the app could not use catalogue 2: service birth-cert has no fields";
            DeviceState.write(
                    kiosk.app,
                    DeviceState.refused("catalogue"),
                    new BundleRefusal("catalogue", 2, reason, clock.instant()),
                    clock.instant());
            nextMinute(kiosk);

            JsonNode r = status(portal, id);
            assertEquals("halted", r.get("state").asText(), r.toString());
            assertEquals(reason, r.get("failures").get(0).get("reason").asText());
        }
    }

    /** Enrols the kiosk, publishes catalogue 2 and rolls it out to everyone; the kiosk then fetches it. */
    private long rollout(TestPortal portal, TestKiosk kiosk) throws Exception {
        kiosk.round(); // enrols and sends a first heartbeat: the portal knows its app release
        TestBundles bundles = new TestBundles(dir.resolve("bundles"), clock);
        long bundle = portal.publish(bundles.catalogue(2, portal.signing.getPrivate()), "all")
                .json()
                .get("id")
                .asLong();
        Http.Response created = portal.http.postJson(
                "/api/v1/admin/rollouts",
                portal.admin,
                Map.of(
                        "bundleId",
                        bundle,
                        "target",
                        Map.of("all", true),
                        "waves",
                        List.of(Map.of("size", "100%", "successThreshold", 1.0, "errorThreshold", 0.0))));
        assertEquals(201, created.status(), created.text());
        nextMinute(kiosk); // the heartbeat's reply names version 2; the daemon fetches, verifies and stages it
        return created.json().get("id").asLong();
    }

    private void nextMinute(TestKiosk kiosk) throws Exception {
        clock.advance(Duration.ofSeconds(61));
        kiosk.round();
    }

    private static JsonNode status(TestPortal portal, long id) {
        Http.Response r = portal.http.get("/api/v1/admin/rollouts/" + id, portal.admin);
        assertEquals(200, r.status(), r.text());
        return r.json();
    }

    private static String deviceState(TestPortal portal, long id) {
        JsonNode w = status(portal, id).get("waves").get(0);
        for (String s : List.of("offered", "downloading", "installed", "failed", "rolledBack")) {
            if (w.get(s).asInt() == 1) {
                return s;
            }
        }
        return "pending";
    }
}
