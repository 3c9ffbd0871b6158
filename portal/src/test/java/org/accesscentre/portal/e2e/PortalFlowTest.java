package org.accesscentre.portal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.accesscentre.core.wire.IngestBatch;
import org.accesscentre.core.wire.IngestItem;
import org.accesscentre.core.wire.IngestResult;
import org.accesscentre.core.wire.ItemResult;
import org.accesscentre.core.wire.Outcome;
import org.accesscentre.core.wire.StatusChange;
import org.accesscentre.core.wire.StatusFeed;
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
 * The portal end to end over HTTP: enrolment, device authentication, idempotent ingest, officers working
 * their agency's cases, statuses reaching the device's feed and any lookup. Runs on SQLite and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PortalFlowTest {
    final TestClock clock = new TestClock(Instant.parse("2026-11-22T14:00:00Z"));
    TestPortal portal;
    Http http;

    abstract TestPortal.Db db();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        portal = TestPortal.start(db(), dir, clock);
        http = portal.http;
    }

    @AfterAll
    void stop() throws Exception {
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    void healthSaysTheDatabaseAnswers() {
        Http.Response r = http.get("/api/v1/health", null);
        assertEquals(200, r.status());
        assertEquals("ok", r.json().get("database").asText());
    }

    @Test
    void submissionsAreAcceptedOnceAndResendsAnsweredDuplicate() throws Exception {
        TestDevice device = TestDevice.enrol(portal, "SOU", 3, clock);
        List<IngestItem> items = device.submit(20, new Random(1));
        IngestResult first = device.sendOk(items);
        assertEquals(20, first.results().size());
        for (int i = 0; i < items.size(); i++) {
            ItemResult r = first.results().get(i);
            assertEquals(items.get(i).transactionId(), r.transactionId(), "results come in the batch's order");
            assertEquals(Outcome.ACCEPTED, r.outcome(), () -> String.valueOf(r.reason()) + r.problems());
        }
        IngestResult again = device.sendOk(items);
        assertTrue(again.results().stream().allMatch(r -> r.outcome() == Outcome.DUPLICATE));
        assertEquals(clock.instant(), again.portalTime());
    }

    @Test
    void theSameTransactionWithDifferentContentIsAConflictAndChangesNothing() throws Exception {
        TestDevice device = TestDevice.enrol(portal, "CAS", 1, clock);
        IngestItem original = device.submit(1, new Random(2)).getFirst();
        device.sendOk(List.of(original));
        IngestItem altered = new IngestItem(
                original.transactionId(),
                original.reference(),
                original.serviceId(),
                original.serviceVersion(),
                original.catalogueVersion(),
                original.sequence(),
                original.kioskTime().plusSeconds(1),
                original.feeCents(),
                original.currency(),
                original.sealed());
        ItemResult r = device.sendOk(List.of(altered)).results().getFirst();
        assertEquals(Outcome.CONFLICT, r.outcome());
        assertEquals(
                Outcome.DUPLICATE,
                device.sendOk(List.of(original)).results().getFirst().outcome());
    }

    @Test
    void aSubmissionFromAnotherKiosksReferenceIsRejectedForGood() throws Exception {
        TestDevice device = TestDevice.enrol(portal, "VFT", 2, clock);
        IngestItem item = device.submit(1, new Random(3)).getFirst();
        IngestItem foreign = new IngestItem(
                item.transactionId(),
                "SOU-03-000001-" + new org.accesscentre.core.reference.ReferenceNumber("SOU", 3, 1).check(),
                item.serviceId(),
                item.serviceVersion(),
                item.catalogueVersion(),
                1,
                item.kioskTime(),
                item.feeCents(),
                item.currency(),
                item.sealed());
        ItemResult r = device.sendOk(List.of(foreign)).results().getFirst();
        assertEquals(Outcome.REJECTED, r.outcome());
        assertTrue(r.reason().contains("does not belong to this kiosk"), r.reason());
        assertEquals(
                Outcome.REJECTED,
                device.sendOk(List.of(foreign)).results().getFirst().outcome(),
                "the same answer again");
    }

    @Test
    void aBatchFromADeviceReplacedAfterItsTokenWasCheckedStoresNothing() throws Exception {
        TestDevice old = TestDevice.enrol(portal, "MIC", 7, clock);
        old.sendOk(old.submit(2, new Random(70)));
        List<IngestItem> late = old.submit(3, new Random(71)); // numbers 3 to 5, not yet sent
        var checked = new org.accesscentre.portal.security.Principal.Device(old.deviceId, old.centre, old.kiosk);

        // The new kiosk enrols in the slot between the old one's token check and its batch's transaction.
        TestDevice replacement = TestDevice.enrol(portal, "MIC", 7, clock);
        org.accesscentre.portal.http.ApiException refused = org.junit.jupiter.api.Assertions.assertThrows(
                org.accesscentre.portal.http.ApiException.class,
                () -> portal.portal.services().ingest().ingest(checked, new IngestBatch(late)));
        assertEquals(403, refused.status());
        assertEquals("device_revoked", refused.code());

        assertEquals(2, replacement.sequenceFloor, "the new kiosk continues above every number stored");
        for (IngestItem item : late) {
            assertEquals(
                    404,
                    http.get("/api/v1/agency/cases/" + item.reference(), portal.admin)
                            .status(),
                    "nothing of the late batch was stored: " + item.reference());
        }
    }

    @Test
    void anAgencyPagesThroughEveryCaseOldestFirstWithNoneTwice() throws Exception {
        TestDevice device = TestDevice.enrol(portal, "DEN", 5, clock);
        for (int batch = 0; batch < 3; batch++) {
            device.sendOk(device.submit(7, new Random(50 + batch)));
            clock.advance(java.time.Duration.ofMinutes(1)); // some cases share a received time, some do not
        }
        List<String> all = new java.util.ArrayList<>();
        for (JsonNode c :
                http.get("/api/v1/agency/cases?limit=500", portal.admin).json()) {
            all.add(c.get("transactionId").asText());
        }
        assertTrue(all.size() >= 21, all.size() + " cases");

        List<String> paged = new java.util.ArrayList<>();
        String after = null;
        for (int page = 0; page < 100; page++) {
            Http.Response r =
                    http.get("/api/v1/agency/cases?limit=4" + (after == null ? "" : "&after=" + after), portal.admin);
            assertEquals(200, r.status(), r.text());
            if (r.json().isEmpty()) {
                break;
            }
            assertTrue(r.json().size() <= 4);
            for (JsonNode c : r.json()) {
                paged.add(c.get("transactionId").asText());
            }
            after = paged.getLast();
        }
        assertEquals(all, paged, "the same cases in the same order, none twice, none missed");

        Http.Response unknown = http.get("/api/v1/agency/cases?after=" + java.util.UUID.randomUUID(), portal.admin);
        assertEquals(400, unknown.status());
        assertEquals("invalid_after", unknown.json().get("code").asText());
    }

    @Test
    void anOfficersStatusReachesTheDevicesFeedAndTheLookup() throws Exception {
        TestDevice device = TestDevice.enrol(portal, "GRI", 4, clock);
        List<IngestItem> items = device.submit(6, new Random(4));
        device.sendOk(items);
        IngestItem item = items.getFirst();
        String agency =
                device.catalogue().service(item.serviceId()).orElseThrow().agency();
        String officer = portal.token("agency_officer", agency);

        Http.Response cases = http.get("/api/v1/agency/cases?status=received", officer);
        assertEquals(200, cases.status(), cases.text());
        boolean listed = false;
        for (JsonNode c : cases.json()) {
            assertEquals(agency, c.get("agencyId").asText(), "an officer sees only their agency");
            listed |= c.get("reference").asText().equals(item.reference());
        }
        assertTrue(listed);

        Http.Response detail = http.get("/api/v1/agency/cases/" + item.reference(), officer);
        assertEquals(200, detail.status(), detail.text());
        assertFalse(detail.json().get("answers").isEmpty(), "the officer reads the opened answers");

        Http.Response set = http.postJson(
                "/api/v1/agency/cases/" + item.transactionId() + "/status",
                officer,
                Map.of(
                        "status",
                        "ready_to_collect",
                        "message",
                        "Collect it at the Soufrière office",
                        "caseNumber",
                        "CR-2026-17"));
        assertEquals(200, set.status(), set.text());

        StatusFeed feed =
                http.get("/api/v1/device/statuses?cursor=", device.token()).as(StatusFeed.class);
        StatusChange change = feed.changes().stream()
                .filter(c -> c.transactionId().equals(item.transactionId()))
                .findFirst()
                .orElseThrow();
        assertEquals("ready_to_collect", change.status());
        assertEquals("CR-2026-17", change.caseNumber());
        assertEquals("Collect it at the Soufrière office", change.message());
        StatusFeed rest = http.get("/api/v1/device/statuses?cursor=" + feed.cursor(), device.token())
                .as(StatusFeed.class);
        assertEquals(List.of(), rest.changes(), "the cursor resumes after what was delivered");

        TestDevice elsewhere = TestDevice.enrol(portal, "ANS", 1, clock);
        Http.Response lookup =
                http.get("/api/v1/device/lookup/" + item.reference().toLowerCase(), elsewhere.token());
        assertEquals(200, lookup.status(), lookup.text());
        assertEquals("ready_to_collect", lookup.as(StatusChange.class).status());
    }

    @Test
    void anOfficerOfAnotherAgencyCannotSeeOrTouchACase() throws Exception {
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
        assertEquals(
                404,
                http.get("/api/v1/agency/cases/" + item.reference(), stranger).status());
        assertEquals(
                404,
                http.postJson(
                                "/api/v1/agency/cases/" + item.reference() + "/status",
                                stranger,
                                Map.of("status", "approved"))
                        .status());
        for (JsonNode c : http.get("/api/v1/agency/cases", stranger).json()) {
            assertFalse(c.get("reference").asText().equals(item.reference()));
        }
        assertEquals(
                403, http.get("/api/v1/agency/cases?agency=" + agency, stranger).status());
    }

    @Test
    void rolesLimitWhatATokenMayDo() {
        String readOnly = portal.token("read_only", null);
        assertEquals(200, http.get("/api/v1/admin/devices", readOnly).status());
        assertEquals(
                403,
                http.postJson("/api/v1/admin/enrolment-codes", readOnly, Map.of("centre", "SOU", "kiosk", 9))
                        .status());
        assertEquals(
                403,
                http.post("/api/v1/admin/bundles", readOnly, "application/zip", new byte[] {1}, false)
                        .status());
        assertEquals(403, http.get("/api/v1/agency/cases", readOnly).status(), "read-only reads no case");
        String officer = portal.token("agency_officer", "civil-registry");
        assertEquals(403, http.get("/api/v1/admin/devices", officer).status());
        assertEquals(401, http.get("/api/v1/admin/devices", null).status());
        assertEquals(
                401, http.get("/api/v1/admin/devices", "tk_aaaaaaaaaaaa.nope").status());
    }

    @Test
    void aRevokedTokenAndARevokedDeviceAreRefusedEverywhere() throws Exception {
        String readOnly = portal.token("read_only", null);
        String id = readOnly.substring(0, readOnly.indexOf('.'));
        assertEquals(
                204, http.delete("/api/v1/admin/tokens/" + id, portal.admin).status());
        assertEquals(401, http.get("/api/v1/admin/devices", readOnly).status());

        TestDevice device = TestDevice.enrol(portal, "DEN", 6, clock);
        List<IngestItem> items = device.submit(1, new Random(6));
        String token = device.token();
        assertEquals(
                200,
                http.post(
                                "/api/v1/admin/devices/" + device.deviceId + "/revoke",
                                portal.admin,
                                "application/json",
                                "{\"reason\":\"stolen\"}".getBytes(),
                                false)
                        .status());
        assertEquals(401, device.send(items).status());
        assertEquals(401, http.get("/api/v1/device/statuses", token).status());
        assertEquals(
                403,
                http.postJson("/api/v1/device/challenge", null, Map.of("deviceId", device.deviceId))
                        .status());
    }

    @Test
    void anEnrolmentCodeWorksOnceAndANewDeviceRetiresTheOldOneInItsSlot() throws Exception {
        TestDevice first = TestDevice.enrol(portal, "LAB", 7, clock);
        first.sendOk(first.submit(3, new Random(7)));
        String code = portal.enrolmentCode("LAB", 7);
        var request = Map.of(
                "code",
                code,
                "publicKey",
                org.accesscentre.core.keys.Keys.toBase64(
                        org.accesscentre.core.keys.Keys.generate("Ed25519").getPublic()));
        Http.Response enrolled = http.postJson("/api/v1/enrol", null, request);
        assertEquals(201, enrolled.status(), enrolled.text());
        assertEquals(3, enrolled.json().get("sequenceFloor").asLong(), "the replacement continues above 3");
        Http.Response retried = http.postJson("/api/v1/enrol", null, request);
        assertEquals(201, retried.status(), "the same key retrying gets its answer again");
        assertEquals(enrolled.json().get("deviceId"), retried.json().get("deviceId"));
        var other = Map.of(
                "code",
                code,
                "publicKey",
                org.accesscentre.core.keys.Keys.toBase64(
                        org.accesscentre.core.keys.Keys.generate("Ed25519").getPublic()));
        assertEquals(403, http.postJson("/api/v1/enrol", null, other).status(), "a code works once");
        assertEquals(
                403,
                http.postJson("/api/v1/device/challenge", null, Map.of("deviceId", first.deviceId))
                        .status());
    }

    @Test
    void txStatsCountReceivedDuplicatesAndConflicts() throws Exception {
        JsonNode before = portal.txStats();
        TestDevice device = TestDevice.enrol(portal, "CHO", 8, clock);
        List<IngestItem> items = device.submit(4, new Random(8));
        device.sendOk(items);
        device.sendOk(items.subList(0, 2));
        JsonNode after = portal.txStats();
        assertEquals(before.get("received").asLong() + 4, after.get("received").asLong());
        assertEquals(
                before.get("duplicates").asLong() + 2, after.get("duplicates").asLong());
        List<String> lines = new ArrayList<>();
        http.get("/api/v1/admin/stats/daily", portal.admin).json().forEach(n -> lines.add(n.toString()));
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"CHO\"") && l.contains("\"accepted\"")), lines.toString());
    }
}
