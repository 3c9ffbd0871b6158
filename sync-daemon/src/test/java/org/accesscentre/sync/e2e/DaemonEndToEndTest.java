package org.accesscentre.sync.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.accesscentre.core.json.Json;
import org.accesscentre.core.state.DeviceState;
import org.accesscentre.core.state.SyncStatus;
import org.accesscentre.core.store.Receipt;
import org.accesscentre.core.store.SubmissionRecord;
import org.accesscentre.core.store.SyncState;
import org.accesscentre.device.cli.KioskCtl;
import org.accesscentre.portal.support.Http;
import org.accesscentre.portal.support.TestPortal;
import org.accesscentre.sync.support.TestKiosk;
import org.accesscentre.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The daemon against the real portal and real SQLite stores: no mocks anywhere. */
class DaemonEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void fiveHundredSubmissionsAreDrainedAndAnOfficersStatusComesBack() throws Exception {
        TestClock portalClock = new TestClock(Instant.parse("2026-11-22T14:00:00Z"));
        TestClock kioskClock = new TestClock(Instant.parse("2026-11-22T13:58:00Z"));
        try (TestPortal portal = TestPortal.start(TestPortal.Db.SQLITE, dir.resolve("portal"), portalClock);
                TestKiosk kiosk =
                        TestKiosk.create(portal, dir.resolve("kiosk"), "SOU", 3, portal.portal.url(), kioskClock)) {
            kiosk.round(); // enrols before the app takes a request
            assertTrue(DeviceState.read(kiosk.app, DeviceState.ENROLMENT).isPresent());

            List<Receipt> receipts = kiosk.submit(500, new Random(500));
            kiosk.drainAll(50);

            JsonNode stats = kioskctlTxStats(portal, portalClock);
            assertEquals(500, stats.get("received").asLong(), stats.toString());
            assertEquals(500, stats.get("accepted").asLong(), stats.toString());
            assertEquals(0, stats.get("duplicates").asLong(), stats.toString());
            assertEquals(500, portal.txStats().get("received").asLong());
            for (Receipt r : receipts) {
                assertEquals(
                        SyncState.ACKNOWLEDGED,
                        kiosk.app.lookup(r.reference()).orElseThrow().syncState());
            }
            SyncStatus status = DeviceState.read(kiosk.app, DeviceState.SYNC).orElseThrow();
            assertTrue(status.online(), status.toString());

            Receipt first = receipts.getFirst();
            String agency = portal
                    .portal
                    .services()
                    .cases()
                    .list(
                            new org.accesscentre.portal.security.Principal.Person(
                                    "tk_test", "t", org.accesscentre.portal.security.Role.ICT_ADMIN, null),
                            null,
                            null,
                            null,
                            500)
                    .stream()
                    .filter(c -> c.reference().equals(first.reference().toString()))
                    .findFirst()
                    .orElseThrow()
                    .agencyId();
            String officer = portal.token("agency_officer", agency);
            Http.Response set = portal.http.postJson(
                    "/api/v1/agency/cases/" + first.reference() + "/status",
                    officer,
                    Map.of("status", "ready_to_collect", "message", "Ready at the Soufrière office"));
            assertEquals(200, set.status(), set.text());

            kiosk.daemon().engine().syncNow();
            kiosk.round();
            SubmissionRecord record = kiosk.app.lookup(first.reference()).orElseThrow();
            assertEquals("ready_to_collect", record.status());
            assertEquals("Ready at the Soufrière office", record.statusMessage());
        }
    }

    /**
     * {@code kioskctl tx stats --json} exactly as the ICT office runs it, in this JVM, with no environment
     * and an empty home directory so the tester's own settings never reach the test.
     */
    private JsonNode kioskctlTxStats(TestPortal portal, Clock clock) throws Exception {
        KioskCtl ctl = new KioskCtl(
                InputStream.nullInputStream(), clock, Map.of(), Files.createDirectories(dir.resolve("home")));
        CommandLine cli = KioskCtl.newCommandLine(ctl);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute("tx", "stats", "--json", "--portal", portal.portal.url(), "--token", portal.admin);
        assertEquals(0, exit, () -> "kioskctl exit " + exit + ": " + err + out);
        assertEquals(1, out.toString().lines().count(), () -> "one line of JSON: " + out);
        return Json.wire().readTree(out.toString());
    }
}
