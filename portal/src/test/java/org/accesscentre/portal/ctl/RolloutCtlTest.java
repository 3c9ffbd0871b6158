package org.accesscentre.portal.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.accesscentre.core.json.Json;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.core.wire.BundleRefused;
import org.accesscentre.core.wire.Heartbeat;
import org.accesscentre.core.wire.SignedOrder;
import org.accesscentre.device.bundle.RollbackOrder;
import org.accesscentre.portal.support.Http;
import org.accesscentre.portal.support.TestBundles;
import org.accesscentre.portal.support.TestDevice;
import org.accesscentre.portal.support.TestPortal;
import org.accesscentre.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kioskctl rollout against a real portal: create, status (a table per wave, then failures), list, the actions. */
class RolloutCtlTest {
    final TestClock clock = new TestClock(Instant.parse("2026-11-22T14:00:00Z"));

    @Test
    void kioskctlRunsARolloutFromCreateToAbort(@TempDir Path dir) throws Exception {
        try (TestPortal portal = TestPortal.start(TestPortal.Db.SQLITE, dir.resolve("portal"), clock)) {
            Ctl ctl = new Ctl(portal.portal.url(), Files.createDirectories(dir.resolve("home")), clock);
            List<TestDevice> devices = fleet(portal, 4);
            TestBundles bundles = new TestBundles(dir.resolve("bundles"), clock);
            Http.Response published = portal.publish(bundles.catalogue(2, portal.signing.getPrivate()), "all");
            String bundle = published.json().get("id").asText();

            Ctl.Result bad = ctl.as(portal.admin, "rollout", "create", "--bundle", bundle, "--wave", "50%");
            assertEquals(1, bad.exit());
            assertTrue(bad.errorLine().contains("the last wave's size is 100%"), bad.err());

            Ctl.Result created = ctl.as(
                            portal.admin,
                            "rollout",
                            "create",
                            "--bundle",
                            bundle,
                            "--wave",
                            "1",
                            "--wave",
                            "100%",
                            "--centre",
                            "SOU",
                            "--errors",
                            "0.3",
                            "--overdue-minutes",
                            "30")
                    .ok();
            assertTrue(
                    created.out()
                            .startsWith("ok: created rollout 1\nrollout 1: catalogue version 2 (bundle " + bundle
                                    + "), running, wave 1 of 2\n"),
                    created.out());

            beat(devices.get(0), 2, List.of());
            beat(devices.get(1), 0, List.of(new BundleRefused("catalogue", 2, "needs app release 2")));
            String status = ctl.as(portal.admin, "rollout", "status", "1").ok().out();
            assertTrue(status.contains("rollout 1: catalogue version 2"), status);
            assertTrue(status.contains("halted, wave 2 of 2"), status);
            assertTrue(status.contains("reason: wave 2: 1 of 3 devices failed or rolled back"), status);
            assertTrue(
                    status.contains("WAVE  SIZE  DEVICES  PENDING  OFFERED  DOWNLOADING  INSTALLED  FAILED"), status);
            assertTrue(status.lines().anyMatch(l -> l.matches(" *1 +1 +1 +0 +0 +0 +1 +0 +0 +0 +0\\.9 +0\\.3")), status);
            assertTrue(
                    status.lines().anyMatch(l -> l.matches(" *2 +100% +3 +0 +2 +0 +0 +1 +0 +0 +0\\.9 +0\\.3")), status);
            assertTrue(status.contains("failures:\n"), status);
            assertTrue(
                    status.lines()
                            .anyMatch(l -> l.matches(devices.get(1).deviceId
                                    + " +2 +failed +2026-11-22T14:00:00Z +needs app release 2")),
                    status);
            assertTrue(status.contains("needs app release 2"), status);

            JsonNode json = Json.wire()
                    .readTree(ctl.as(portal.admin, "rollout", "status", "1", "--json")
                            .ok()
                            .out());
            assertEquals("halted", json.get("state").asText());
            String list = ctl.as(portal.admin, "rollout", "list").ok().out();
            assertTrue(list.lines().anyMatch(l -> l.matches(" *1 +catalogue +2 +halted +2 of 2 +1 of 4 +1 .*")), list);

            assertTrue(ctl.as(portal.admin, "rollout", "resume", "1").ok().out().startsWith("ok: resumed rollout 1\n"));
            assertTrue(ctl.as(portal.admin, "rollout", "pause", "1").ok().out().contains("paused, wave 2 of 2"));
            Ctl.Result twice = ctl.as(portal.admin, "rollout", "pause", "1");
            assertEquals(1, twice.exit());
            assertTrue(twice.errorLine().contains("rollout 1 is paused"), twice.err());
            assertTrue(ctl.as(portal.admin, "rollout", "abort", "1").ok().out().contains("aborted, wave 2 of 2"));
            Ctl.Result missing = ctl.as(portal.admin, "rollout", "status", "9");
            assertEquals(1, missing.exit());
            assertTrue(missing.errorLine().contains("rollout 9 was not found"), missing.err());
        }
    }

    /** Kiosks 1 to {@code n} of SOU, enrolled and signed in, in device-id order (the order rollouts use). */
    private List<TestDevice> fleet(TestPortal portal, int n) throws Exception {
        List<TestDevice> devices = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            TestDevice d = TestDevice.enrol(portal, "SOU", i, clock);
            d.authenticate();
            devices.add(d);
        }
        devices.sort(Comparator.comparing(d -> d.deviceId));
        return devices;
    }

    private void beat(TestDevice d, long catalogue, List<BundleRefused> refused) {
        d.heartbeatOk(new Heartbeat(
                "1", catalogue, 0, 0, 0, 0, 1L << 30, null, "ok", 0, null, clock.instant(), List.of(), refused));
    }

    @Test
    void kioskctlSignsARollbackOrderAndRollsAReleaseBackWithIt(@TempDir Path dir) throws Exception {
        try (TestPortal portal = TestPortal.start(TestPortal.Db.SQLITE, dir.resolve("portal"), clock)) {
            Ctl ctl = new Ctl(portal.portal.url(), Files.createDirectories(dir.resolve("home")), clock);
            List<TestDevice> devices = fleet(portal, 2);
            TestBundles bundles = new TestBundles(dir.resolve("bundles"), clock);
            String v2 = portal.publish(bundles.release(2, 0, 0, portal.signing.getPrivate()), "all")
                    .json()
                    .get("id")
                    .asText();
            portal.publish(bundles.release(3, 0, 0, portal.signing.getPrivate()), "all");
            for (TestDevice d : devices) {
                beat(d, "3", List.of());
            }
            Path key = dir.resolve("signing.key");
            Keys.writePrivate(key, portal.signing.getPrivate());
            Path order = dir.resolve("orders/back-to-2.json");

            Ctl.Result backwards = ctl.plain(
                    "bundle",
                    "rollback-order",
                    "--key",
                    key.toString(),
                    "--release",
                    "3",
                    "--up-to",
                    "2",
                    "--reason",
                    "x",
                    "--out",
                    order.toString());
            assertEquals(2, backwards.exit(), backwards.err());
            assertTrue(backwards.err().contains("a rollback goes back to release 1 or more, from a newer one"));
            String wrote = ctl.plain(
                            "bundle",
                            "rollback-order",
                            "--key",
                            key.toString(),
                            "--release",
                            "2",
                            "--up-to",
                            "3",
                            "--reason",
                            "release 3 loses receipts",
                            "--out",
                            order.toString())
                    .ok()
                    .out();
            assertTrue(
                    wrote.startsWith("ok: wrote " + order + ": back to release 2 from releases up to 3: release 3"
                            + " loses receipts, signed with key " + Keys.keyId(portal.signing.getPublic())),
                    wrote);
            SignedOrder signed = Json.wire().readValue(Files.readAllBytes(order), SignedOrder.class);
            assertEquals(
                    new RollbackOrder(2, 3, "release 3 loses receipts", clock.instant()),
                    RollbackOrder.verify(signed, List.of(portal.signing.getPublic())));

            Ctl.Result without = ctl.as(portal.admin, "rollout", "create", "--bundle", v2, "--wave", "100%");
            assertEquals(1, without.exit());
            assertTrue(without.errorLine().contains("going back needs a signed rollback order"), without.err());
            Path junk = Files.writeString(dir.resolve("junk.json"), "{\"order\": 1}");
            Ctl.Result bad = ctl.as(
                    portal.admin,
                    "rollout",
                    "create",
                    "--bundle",
                    v2,
                    "--wave",
                    "100%",
                    "--rollback-order",
                    junk.toString());
            assertEquals(2, bad.exit(), bad.err());
            assertTrue(bad.err().contains("is not a signed order"), bad.err());

            String created = ctl.as(
                            portal.admin,
                            "rollout",
                            "create",
                            "--bundle",
                            v2,
                            "--wave",
                            "100%",
                            "--errors",
                            "1",
                            "--rollback-order",
                            order.toString())
                    .ok()
                    .out();
            assertTrue(created.contains("rollout 1: release version 2 (bundle " + v2 + "), running"), created);
            assertTrue(created.contains("\nrollback: yes, under a signed order: release 3 loses receipts\n"), created);

            beat(devices.get(0), "2", List.of());
            beat(devices.get(1), "3", List.of(new BundleRefused("release", 2, "the app did not start", true)));
            String status = ctl.as(portal.admin, "rollout", "status", "1").ok().out();
            assertTrue(status.contains("rollback: yes, under a signed order: release 3 loses receipts"), status);
            assertTrue(
                    status.lines().anyMatch(l -> l.matches(" *1 +100% +2 +0 +0 +0 +1 +0 +1 +0 +0\\.9 +1(\\.0)?")),
                    status);
            assertTrue(
                    status.lines()
                            .anyMatch(l -> l.matches(devices.get(1).deviceId
                                    + " +1 +rolled_back +2026-11-22T14:00:00Z +the app did not start")),
                    status);
            String list = ctl.as(portal.admin, "rollout", "list").ok().out();
            assertTrue(list.lines().anyMatch(l -> l.matches(" *1 +release \\(rollback\\) +2 +running .*")), list);
            Ctl.Result alone = ctl.as(portal.admin, "rollout", "resume", "1", "--rollback-order", order.toString());
            assertEquals(2, alone.exit(), alone.err());
            assertTrue(alone.err().contains("--rollback-order goes with --bundle"), alone.err());
        }
    }

    private void beat(TestDevice d, String release, List<BundleRefused> refused) {
        d.heartbeatOk(new Heartbeat(
                release, 1, 0, 0, 0, 0, 1L << 30, null, "ok", 0, null, clock.instant(), List.of(), refused));
    }
}
