package org.accesscentre.portal.ctl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accesscentre.core.catalogue.DemoCatalogue;
import org.accesscentre.core.json.Json;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.core.wire.IngestItem;
import org.accesscentre.core.wire.StatusChange;
import org.accesscentre.core.wire.StatusFeed;
import org.accesscentre.device.bundle.BundleBuilder;
import org.accesscentre.device.bundle.BundleKind;
import org.accesscentre.device.bundle.BundleSigner;
import org.accesscentre.device.bundle.BundleSpec;
import org.accesscentre.device.config.DeviceConfig;
import org.accesscentre.device.config.DeviceConfigReader;
import org.accesscentre.portal.support.Http;
import org.accesscentre.portal.support.TestDevice;
import org.accesscentre.portal.support.TestPortal;
import org.accesscentre.testing.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every portal command of kioskctl against a real portal on SQLite, run in this JVM as the ICT office and
 * agency officers run it: what it prints for people, its JSON for machines, and its one-line failures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KioskCtlPortalTest {
    private static final Pattern CODE_LINE =
            Pattern.compile("([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4})  for SOU kiosk 3, expires 2026-11-24T14:00:00Z\n");

    final TestClock clock = new TestClock(Instant.parse("2026-11-22T14:00:00Z"));

    Path dir;

    TestPortal portal;
    Ctl ctl;
    String admin;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        this.dir = dir;
        portal = TestPortal.start(TestPortal.Db.SQLITE, Files.createDirectories(dir.resolve("portal")), clock);
        admin = portal.admin;
        ctl = new Ctl(portal.portal.url(), Files.createDirectories(dir.resolve("home")), clock);
    }

    @AfterAll
    void stop() throws Exception {
        if (portal != null) {
            portal.close();
        }
    }

    private static JsonNode json(Ctl.Result r) throws Exception {
        assertEquals(1, r.out().lines().count(), "one line of JSON: " + r.out());
        return Json.wire().readTree(r.out());
    }

    @Test
    void anEnrolmentCodeFromKioskctlEnrolsADevice() throws Exception {
        Ctl.Result r = ctl.as(admin, "enrol-code", "create", "--centre", "SOU", "--kiosk", "3", "--valid-days", "2")
                .ok();

        Matcher m = CODE_LINE.matcher(r.out());
        assertTrue(m.matches(), r.out());
        Http.Response enrolled = portal.http.postJson(
                "/api/v1/enrol",
                null,
                Map.of(
                        "code",
                        m.group(1),
                        "publicKey",
                        Keys.toBase64(Keys.generate(Keys.ED25519).getPublic())));
        assertEquals(201, enrolled.status(), enrolled.text());
        assertEquals("SOU", enrolled.json().get("centre").asText());
    }

    @Test
    void configCreateWritesAConfigurationThatEnrolsAndNeverOverwritesOne() throws Exception {
        Path file = dir.resolve("kiosks/ANS-2/config.json");

        Ctl.Result r = ctl.as(
                        admin,
                        "config",
                        "create",
                        "--centre",
                        "ANS",
                        "--kiosk",
                        "2",
                        "--out",
                        file.toString(),
                        "--locale",
                        "en",
                        "--locale",
                        "fr",
                        "--data-dir",
                        "/var/lib/kiosk-2")
                .ok();
        byte[] written = Files.readAllBytes(file);
        Ctl.Result again =
                ctl.as(admin, "config", "create", "--centre", "ANS", "--kiosk", "2", "--out", file.toString());

        assertEquals("wrote " + file + " for ANS kiosk 2 (enrols with its one-time code)\n", r.out());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        DeviceConfig config = DeviceConfigReader.strict().read(file);
        assertEquals("ANS", config.centre());
        assertEquals(List.of("en", "fr"), config.locales());
        assertEquals(Path.of("/var/lib/kiosk-2"), config.dataDir());
        assertEquals(portal.envelopeKey(), config.portal().envelopeKey());
        assertTrue(config.trustedSigningKeys().contains(portal.signing.getPublic()));
        Http.Response enrolled = portal.http.postJson(
                "/api/v1/enrol",
                null,
                Map.of(
                        "code",
                        config.enrolmentCode().orElseThrow(),
                        "publicKey",
                        Keys.toBase64(Keys.generate(Keys.ED25519).getPublic())));
        assertEquals(201, enrolled.status(), enrolled.text());
        assertEquals(2, again.exit(), again.err());
        assertTrue(again.err().contains("exists already"), again.err());
        assertArrayEquals(written, Files.readAllBytes(file), "the first file is untouched");
    }

    @Test
    void deviceListShowsAnEnrolledDeviceAndRevokeShutsItOut() throws Exception {
        TestDevice device = TestDevice.enrol(portal, "CAS", 1, clock);
        List<IngestItem> items = device.submit(1, new Random(11));
        device.token(); // a token won before the revocation, which it must also end

        String listed = ctl.as(admin, "device", "list").ok().out();
        JsonNode asJson = json(ctl.as(admin, "device", "list", "--json").ok());
        Ctl.Result revoke = ctl.as(admin, "device", "revoke", device.deviceId, "--reason", "stolen")
                .ok();
        Ctl.Result again = ctl.as(admin, "device", "revoke", device.deviceId).ok();
        String after = ctl.as(admin, "device", "list").ok().out();

        assertTrue(listed.startsWith("DEVICE  "), listed);
        assertTrue(
                listed.lines().anyMatch(l -> l.matches(device.deviceId + "\\s+CAS\\s+1\\s+never_seen\\s+2026-11-22.*")),
                listed);
        boolean found = false;
        for (JsonNode d : asJson) {
            found |= d.get("deviceId").asText().equals(device.deviceId);
        }
        assertTrue(found, asJson.toString());
        assertEquals("ok: revoked " + device.deviceId + "\n", revoke.out());
        assertEquals("ok: " + device.deviceId + " was revoked already\n", again.out());
        assertTrue(
                after.lines()
                        .anyMatch(l -> l.startsWith(device.deviceId) && l.contains("revoked") && l.endsWith("stolen")),
                after);
        assertEquals(401, device.send(items).status(), "a revoked device is refused");
    }

    @Test
    void aSignedCatalogueIsPublishedOnceAndAReadOnlyTokenMayNotPublish() throws Exception {
        Path in = Files.createDirectories(dir.resolve("catalogue-in"));
        try (InputStream demo = DemoCatalogue.open()) {
            Files.copy(demo, in.resolve("catalogue.json"));
        }
        long version = DemoCatalogue.load().version(); // the file's own version must be the bundle's
        Path bundle = dir.resolve("catalogue.bundle");
        new BundleBuilder(clock).build(BundleSpec.of(BundleKind.CATALOGUE, version), in, bundle);
        BundleSigner.sign(bundle, portal.signing.getPrivate());
        String keyId = Keys.keyId(portal.signing.getPublic());
        String readOnly = ctl.as(admin, "token", "create", "--name", "watcher", "--role", "read_only")
                .ok()
                .out()
                .strip();

        Ctl.Result refused = ctl.as(readOnly, "publish", bundle.toString());
        Ctl.Result published =
                ctl.as(admin, "publish", bundle.toString(), "--target", "all").ok();
        Ctl.Result twice = ctl.as(admin, "publish", bundle.toString());

        assertEquals(1, refused.exit());
        assertEquals("kioskctl: 403 forbidden: a read_only token may not do this", refused.errorLine());
        assertEquals(
                "ok: published catalogue version " + version + " for all (bundle 1, " + Files.size(bundle)
                        + " bytes, signed by " + keyId + ")\n",
                published.out());
        assertEquals(1, twice.exit());
        assertEquals(
                "kioskctl: 409 version_not_newer: catalogue version " + version + " is not newer than version "
                        + version + " already published for all",
                twice.errorLine());
    }

    @Test
    void aSigningKeyIsAddedAndListed() throws Exception {
        KeyPair backup = Keys.generate(Keys.ED25519);
        Path pub = dir.resolve("backup.pub");
        Keys.writePublic(pub, backup.getPublic());
        String keyId = Keys.keyId(backup.getPublic());

        Ctl.Result added = ctl.as(admin, "signing-key", "add", pub.toString(), "--label", "Backup, in the safe")
                .ok();
        String listed = ctl.as(admin, "signing-key", "list").ok().out();
        JsonNode asJson = json(ctl.as(admin, "signing-key", "list", "--json").ok());

        assertEquals("ok: the portal trusts signing key " + keyId + "\n", added.out());
        assertTrue(listed.lines().anyMatch(l -> l.startsWith(keyId + "  Backup, in the safe  2026-11-22")), listed);
        assertTrue(listed.contains(Keys.keyId(portal.signing.getPublic())), listed);
        assertTrue(asJson.isArray() && asJson.size() >= 2, asJson.toString());
    }

    @Test
    void aTokenIsCreatedShownOnceListedAndRevoked() throws Exception {
        Ctl.Result created = ctl.as(
                        admin,
                        "token",
                        "create",
                        "--name",
                        "Figures dashboard",
                        "--role",
                        "read_only",
                        "--expires-in-days",
                        "30")
                .ok();
        String token = created.out().strip();
        String id = token.substring(0, token.indexOf('.'));

        Ctl.Result works = ctl.as(token, "tx", "stats");
        String listed = ctl.as(admin, "token", "list").ok().out();
        Ctl.Result revoked = ctl.as(admin, "token", "revoke", id).ok();
        Ctl.Result refused = ctl.as(token, "tx", "stats");
        JsonNode asJson = json(ctl.as(admin, "token", "list", "--json").ok());

        assertTrue(token.matches("tk_[a-z0-9]{12}\\.\\S+"), created.out());
        assertEquals(1, created.out().lines().count(), "the token alone on standard output");
        assertEquals(
                "kioskctl: created " + id + " (read_only, expires 2026-12-22T14:00:00Z); this is the only time the"
                        + " token is shown",
                created.err().strip());
        assertEquals(0, works.exit(), works.err());
        String row = listed.lines().filter(l -> l.startsWith(id)).findFirst().orElseThrow();
        assertTrue(
                row.matches(id + "\\s+Figures dashboard\\s+read_only\\s+-\\s+2026-11-22T14:00:00Z\\s+2026-12-22.*"),
                row);
        assertFalse(listed.contains(token.substring(id.length() + 1)), "never a token's secret");
        assertEquals("ok: revoked " + id + "\n", revoked.out());
        assertEquals(1, refused.exit());
        assertEquals("kioskctl: 401 unauthorized: the API token is unknown, expired or revoked", refused.errorLine());
        for (JsonNode t : asJson) {
            if (t.get("id").asText().equals(id)) {
                assertFalse(t.get("revokedAt").isNull());
            }
        }
    }

    @Test
    void aCommandIsSentAndFleetShowListsIt() throws Exception {
        TestDevice device = TestDevice.enrol(portal, "GRI", 4, clock);

        Ctl.Result sent = ctl.as(
                        admin, "command", "send", device.deviceId, "--type", "wipe", "--arg", "includeUnsent=false")
                .ok();
        String list = ctl.as(admin, "fleet", "list").ok().out();
        String show = ctl.as(admin, "fleet", "show", device.deviceId).ok().out();
        JsonNode asJson =
                json(ctl.as(admin, "fleet", "show", device.deviceId, "--json").ok());
        Ctl.Result unknown = ctl.as(admin, "fleet", "show", "dev_000000000000");

        Matcher m = Pattern.compile("ok: queued wipe for " + device.deviceId + " as (cmd_[a-z0-9]{12})\n")
                .matcher(sent.out());
        assertTrue(m.matches(), sent.out());
        assertTrue(list.startsWith("DEVICE  "), list);
        assertTrue(list.lines().anyMatch(l -> l.startsWith(device.deviceId + "  GRI")), list);
        assertTrue(show.startsWith("device id  "), show);
        assertTrue(show.contains("\ncentre     "), show);
        assertTrue(
                show.lines()
                        .anyMatch(l ->
                                l.matches(m.group(1) + "\\s+wipe\\s+\\{\"includeUnsent\":\"false\"}\\s+2026-11-22.*")),
                show);
        assertEquals(device.deviceId, asJson.at("/device/deviceId").asText());
        assertEquals("wipe", asJson.at("/commands/0/type").asText());
        assertEquals(1, unknown.exit());
        assertEquals("kioskctl: 404 not_found: device dev_000000000000 was not found", unknown.errorLine());
    }

    @Test
    void anOfficerListsReadsAndSetsACaseStatusWithKioskctl() throws Exception {
        TestDevice device = TestDevice.enrol(portal, "ANS", 2, clock);
        List<IngestItem> items = device.submit(6, new Random(4));
        device.sendOk(items);
        IngestItem item = items.getFirst();
        String agency =
                device.catalogue().service(item.serviceId()).orElseThrow().agency();
        String officer = ctl.as(
                        admin, "token", "create", "--name", "officer", "--role", "agency_officer", "--agency", agency)
                .ok()
                .out()
                .strip();

        String listed =
                ctl.as(officer, "case", "list", "--status", "received").ok().out();
        JsonNode asJson = json(ctl.as(officer, "case", "list", "--json").ok());
        String shown = ctl.as(officer, "case", "show", item.reference()).ok().out();
        Ctl.Result set = ctl.as(
                        officer,
                        "case",
                        "status",
                        item.reference(),
                        "--status",
                        "ready_to_collect",
                        "--message",
                        "Collect it at the Anse La Raye office",
                        "--case-number",
                        "CR-2026-17")
                .ok();
        JsonNode detail =
                json(ctl.as(officer, "case", "show", item.transactionId().toString(), "--json")
                        .ok());
        Ctl.Result adminSees = ctl.as(admin, "case", "list", "--agency", agency, "--status", "ready_to_collect");
        String firstPage = ctl.as(officer, "case", "list", "--limit", "1").ok().out();
        String nextId = firstPage
                .lines()
                .filter(l -> l.startsWith("more: the next page is --after "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("a full page says how to get the next: " + firstPage))
                .substring("more: the next page is --after ".length());
        JsonNode secondPage = json(ctl.as(officer, "case", "list", "--limit", "1", "--after", nextId, "--json")
                .ok());

        assertTrue(listed.startsWith("REFERENCE  "), listed);
        assertTrue(listed.lines().anyMatch(l -> l.startsWith(item.reference() + "  " + item.serviceId())), listed);
        for (JsonNode c : asJson) {
            assertEquals(agency, c.get("agencyId").asText(), "an officer sees their agency's cases only");
        }
        assertTrue(shown.startsWith("transaction id  " + item.transactionId() + "\nreference       "), shown);
        assertTrue(shown.contains("\nQUESTION  "), shown);
        assertEquals("ok: " + item.reference() + " is ready_to_collect (status version 1)\n", set.out());
        assertEquals("ready_to_collect", detail.at("/summary/status").asText());
        assertEquals("CR-2026-17", detail.at("/summary/caseNumber").asText());
        assertEquals(
                "Collect it at the Anse La Raye office",
                detail.get("statusMessage").asText());
        assertEquals(asJson.get(0).get("transactionId").asText(), nextId, "the first page is the oldest case");
        if (asJson.size() > 1) {
            assertEquals(
                    asJson.get(1).get("transactionId").asText(),
                    secondPage.get(0).get("transactionId").asText(),
                    "the second page starts after it");
        } else {
            assertTrue(secondPage.isEmpty(), "one case, one page: " + secondPage);
        }
        assertEquals(0, adminSees.exit(), adminSees.err());
        assertTrue(adminSees.out().contains(item.reference()), adminSees.out());
        StatusChange change =
                portal
                        .http
                        .get("/api/v1/device/statuses?cursor=", device.token())
                        .as(StatusFeed.class)
                        .changes()
                        .stream()
                        .filter(c -> c.transactionId().equals(item.transactionId()))
                        .findFirst()
                        .orElseThrow();
        assertEquals("ready_to_collect", change.status(), "the status reaches the kiosk");
    }

    @Test
    void anOfficerOfAnotherAgencyIsToldTheCaseIsNotThere() throws Exception {
        TestDevice device = TestDevice.enrol(portal, "MIC", 5, clock);
        IngestItem item = device.submit(1, new Random(5)).getFirst();
        device.sendOk(List.of(item));
        String agency =
                device.catalogue().service(item.serviceId()).orElseThrow().agency();
        String other = device.catalogue().agencies().stream()
                .map(a -> a.id())
                .filter(a -> !a.equals(agency))
                .findFirst()
                .orElseThrow();
        String stranger = portal.token("agency_officer", other);

        Ctl.Result r = ctl.as(stranger, "case", "status", item.reference(), "--status", "approved");

        assertEquals(1, r.exit());
        assertEquals("kioskctl: 404 not_found: case " + item.reference() + " was not found", r.errorLine());
    }

    @Test
    void txStatsCountExactlyWhatADeviceSent(@TempDir Path own) throws Exception {
        // A portal of its own: the figures are totals, and other tests send too.
        try (TestPortal fresh = TestPortal.start(TestPortal.Db.SQLITE, own, clock)) {
            Ctl ownCtl = new Ctl(fresh.portal.url(), Files.createDirectories(own.resolve("home")), clock);
            TestDevice device = TestDevice.enrol(fresh, "VFT", 2, clock);
            List<IngestItem> items = device.submit(6, new Random(8));
            device.sendOk(items.subList(0, 5)); // 5 accepted
            device.sendOk(items.subList(0, 2)); // 2 duplicates
            IngestItem original = items.getFirst();
            device.sendOk(List.of(altered(original, original.reference(), original.sequence(), 1))); // 1 conflict
            IngestItem last = items.get(5);
            String foreign =
                    "SOU-03-000001-" + new org.accesscentre.core.reference.ReferenceNumber("SOU", 3, 1).check();
            device.sendOk(List.of(altered(last, foreign, 1, 0))); // 1 rejected: not this kiosk's reference

            Ctl.Result json = ownCtl.as(fresh.admin, "tx", "stats", "--json").ok();
            Ctl.Result table = ownCtl.as(fresh.admin, "tx", "stats").ok();
            JsonNode daily =
                    json(ownCtl.as(fresh.admin, "tx", "daily", "--from", "2026-11-01", "--to", "2026-11-30", "--json")
                            .ok());
            String dailyTable = ownCtl.as(fresh.admin, "tx", "daily").ok().out();

            assertEquals(
                    "{\"received\":6,\"accepted\":5,\"rejected\":1,\"duplicates\":2,\"conflicts\":1}\n", json.out());
            assertEquals("""
                    received    6
                    accepted    5
                    rejected    1
                    duplicates  2
                    conflicts   1
                    """, table.out());
            long accepted = 0;
            for (JsonNode row : daily) {
                assertEquals("2026-11-22", row.get("day").asText());
                assertEquals("VFT", row.get("centre").asText());
                if (row.get("outcome").asText().equals("accepted")) {
                    accepted += row.get("count").asLong();
                }
            }
            assertEquals(5, accepted);
            assertTrue(dailyTable.startsWith("DAY         CENTRE  SERVICE"), dailyTable);
            assertTrue(dailyTable.lines().anyMatch(l -> l.startsWith("2026-11-22  VFT     ")), dailyTable);
        }
    }

    private static IngestItem altered(IngestItem item, String reference, long sequence, long plusSeconds) {
        return new IngestItem(
                item.transactionId(),
                reference,
                item.serviceId(),
                item.serviceVersion(),
                item.catalogueVersion(),
                sequence,
                item.kioskTime().plusSeconds(plusSeconds),
                item.feeCents(),
                item.currency(),
                item.sealed());
    }

    @Test
    void aWrongTokenIsOneLineAndExitOne() {
        Ctl.Result r = ctl.as("tk_aaaaaaaaaaaa.wrong", "device", "list");

        assertEquals(1, r.exit());
        assertEquals("kioskctl: 401 unauthorized: the API token is unknown, expired or revoked", r.errorLine());
        assertEquals("", r.out());
    }

    @Test
    void anUnreachablePortalIsOneLineAndExitOne() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }

        Ctl.Result r = ctl.plain("fleet", "list", "--portal", "http://127.0.0.1:" + port, "--token", admin);

        assertEquals(1, r.exit());
        assertEquals("kioskctl: cannot reach http://127.0.0.1:" + port + ": connection refused", r.errorLine());
    }

    @Test
    void theEnvFileIsEnoughToConnect() throws Exception {
        Path env = dir.resolve("ops.env");
        Files.writeString(
                env, "# the test portal\nKIOSK_PORTAL=" + portal.portal.url() + "\nKIOSK_TOKEN=" + admin + "\n");
        Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-------"));

        Ctl.Result r = ctl.plain("tx", "stats", "--json", "--env", env.toString());

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("{\"received\":"), r.out());
    }

    @Test
    void eventsPrintsTheJournalNewestFirstInWordsAndAsJson() throws Exception {
        TestDevice device = TestDevice.enrol(portal, "SOU", 7, clock);
        var paid = Json.wire()
                .createObjectNode()
                .put("reference", "SOU-07-000127-K")
                .put("amountCents", 2500)
                .put("currency", "XCD")
                .put("cashReceipt", "004512")
                .put("attendant", "att-1");
        var ended = Json.wire().createObjectNode().put("minutes", 28).put("reason", "time_limit");
        Instant at = Instant.parse("2026-11-22T13:30:00Z");
        Http.Response sent = device.sendEvents(List.of(
                new org.accesscentre.core.wire.DeviceEvent(
                        java.util.UUID.randomUUID(), 1, "payment.confirmed", at, paid),
                new org.accesscentre.core.wire.DeviceEvent(
                        java.util.UUID.randomUUID(), 2, "session.ended", at, ended)));
        assertEquals(200, sent.status(), sent.text());

        Ctl.Result table = ctl.as(admin, "events", "--device", device.deviceId).ok();
        List<String> lines = table.out().lines().toList();
        assertEquals(3, lines.size(), table.out());
        assertTrue(lines.get(0).matches("RECEIVED +KIOSK TIME +KIOSK +DEVICE +KIND +WHAT"), lines.get(0));
        assertTrue(
                lines.get(1).contains("SOU-07  " + device.deviceId + "  session.ended      28 min (time limit)"),
                lines.get(1));
        assertTrue(
                lines.get(2).contains("payment.confirmed  SOU-07-000127-K EC$ 25.00 receipt 004512 by att-1"),
                lines.get(2));
        assertTrue(lines.get(2).contains("2026-11-22T13:30:00Z"), "the kiosk's time: " + lines.get(2));

        JsonNode payments = json(ctl.as(admin, "events", "--kind", "payment.", "--device", device.deviceId, "--json")
                .ok());
        assertEquals(1, payments.size());
        assertEquals("004512", payments.at("/0/body/cashReceipt").asText());
        assertEquals(
                1,
                json(ctl.as(admin, "events", "--device", device.deviceId, "--limit", "1", "--json")
                                .ok())
                        .size());
        assertEquals(
                0,
                json(ctl.as(admin, "events", "--device", device.deviceId, "--since", "2026-11-23T00:00:00Z", "--json")
                                .ok())
                        .size());

        Ctl.Result bad = ctl.as(admin, "events", "--limit", "0");
        assertEquals(1, bad.exit(), bad.out());
        assertTrue(bad.errorLine().contains("limit is a whole number from 1 to 500"), bad.err());
        Ctl.Result badTime = ctl.as(admin, "events", "--since", "yesterday");
        assertTrue(badTime.exit() != 0);
        assertTrue(badTime.err().contains("--since"), badTime.err());
    }
}
