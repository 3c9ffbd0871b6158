package org.accesscentre.portal.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.accesscentre.core.json.Json;
import org.accesscentre.core.wire.DeviceEvent;
import org.accesscentre.core.wire.EventBatchResult;
import org.accesscentre.portal.support.Http;
import org.accesscentre.portal.support.TestDevice;
import org.accesscentre.portal.support.TestPortal;
import org.accesscentre.testing.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A kiosk's journal events reach the portal once each, however often they are sent; a batch that is malformed
 * or conflicts is refused whole; the ICT office lists them newest first, filtered by device, kind and time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DeviceEventsTest {
    final TestClock clock = new TestClock(Instant.parse("2026-11-22T14:00:00Z"));
    TestPortal portal;
    Http http;
    int kiosk;

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

    private TestDevice device() throws Exception {
        return TestDevice.enrol(portal, "SOU", ++kiosk, clock);
    }

    private static DeviceEvent event(long sequence, String kind, String field, Object value) {
        ObjectNode body = Json.wire().createObjectNode();
        body.set(field, Json.wire().valueToTree(value));
        return new DeviceEvent(UUID.randomUUID(), sequence, kind, Instant.parse("2026-11-19T09:00:00Z"), body);
    }

    private long stored(UUID id) {
        return portal.count("SELECT COUNT(*) FROM device_event WHERE id = ?", id.toString());
    }

    private JsonNode list(String query) {
        Http.Response r = http.get("/api/v1/admin/events" + query, portal.token("read_only", null));
        assertEquals(200, r.status(), r.text());
        return r.json();
    }

    @Test
    void eventsAreStoredAndListedNewestFirstWithTheDeviceAndBothClocks() throws Exception {
        TestDevice device = device();
        DeviceEvent started = event(1, "session.started", "ticket", "A-001");
        DeviceEvent ended = event(2, "session.ended", "minutes", 28);
        Http.Response r = device.sendEvents(List.of(started, ended));
        assertEquals(200, r.status(), r.text());
        assertEquals(new EventBatchResult(2, 0), r.as(EventBatchResult.class));

        JsonNode listed = list("?device=" + device.deviceId);
        assertEquals(2, listed.size(), listed::toString);
        JsonNode newest = listed.get(0);
        assertEquals(ended.id().toString(), newest.get("id").asText());
        assertEquals(device.deviceId, newest.get("deviceId").asText());
        assertEquals("SOU", newest.get("centre").asText());
        assertEquals(device.kiosk, newest.get("kiosk").asInt());
        assertEquals(2, newest.get("sequence").asLong());
        assertEquals("session.ended", newest.get("kind").asText());
        assertEquals("2026-11-19T09:00:00Z", newest.get("kioskTime").asText());
        assertEquals(clock.instant().toString(), newest.get("receivedAt").asText());
        assertEquals(28, newest.at("/body/minutes").asInt());
        assertEquals("A-001", listed.get(1).at("/body/ticket").asText());
    }

    @Test
    void aResendAfterALostAnswerIsCountedDuplicateAndStoresNoSecondRow() throws Exception {
        TestDevice device = device();
        DeviceEvent help = event(7, "help.requested", "kiosk", 3);
        DeviceEvent paid = event(8, "payment.confirmed", "amountCents", 2500);
        assertEquals(200, device.sendEvents(List.of(help)).status());
        Http.Response again = device.sendEvents(List.of(help, paid));
        assertEquals(200, again.status(), again.text());
        assertEquals(new EventBatchResult(1, 1), again.as(EventBatchResult.class));
        assertEquals(1, stored(help.id()));
        assertEquals(2, portal.count("SELECT COUNT(*) FROM device_event WHERE device_id = ?", device.deviceId));
    }

    @Test
    void anIdStoredWithOtherContentOrFromAnotherDeviceRefusesTheBatchWhole() throws Exception {
        TestDevice device = device();
        TestDevice other = device();
        DeviceEvent first = event(1, "queue.ticket_issued", "ticket", "A-002");
        assertEquals(200, device.sendEvents(List.of(first)).status());

        DeviceEvent canary = event(2, "queue.ticket_issued", "ticket", "A-003");
        DeviceEvent changed = new DeviceEvent(
                first.id(),
                1,
                first.kind(),
                first.kioskTime(),
                Json.wire().createObjectNode().put("ticket", "A-999"));
        Http.Response conflict = device.sendEvents(List.of(canary, changed));
        assertEquals(409, conflict.status(), conflict.text());
        assertEquals("event_conflict", conflict.json().get("code").asText());
        assertTrue(conflict.json().get("message").asText().contains(first.id().toString()), conflict::text);
        assertEquals(1, conflict.json().at("/details/index").asInt());

        Http.Response stolen = other.sendEvents(List.of(canary, first));
        assertEquals(409, stolen.status(), stolen.text());
        assertTrue(stolen.json().get("message").asText().contains("another device"), stolen::text);
        assertEquals(0, stored(canary.id()), "nothing of a refused batch is stored");
        assertEquals(
                "A-002", list("?device=" + device.deviceId).at("/0/body/ticket").asText());
    }

    Stream<Arguments> badBatches() {
        List<Arguments> rows = new ArrayList<>();
        rows.add(bad("a kind in capitals", "events[1].kind", e -> e.put("kind", "Session.Ended")));
        rows.add(bad("a kind of one word", "events[1].kind", e -> e.put("kind", "session")));
        rows.add(bad("no kind", "events[1].kind", e -> e.remove("kind")));
        rows.add(bad("a sequence of 0", "events[1].sequence", e -> e.put("sequence", 0)));
        rows.add(bad("a negative sequence", "events[1].sequence", e -> e.put("sequence", -4)));
        rows.add(bad("no id", "events[1].id", e -> e.remove("id")));
        rows.add(bad("an id that is not a UUID", "events[1].id", e -> e.put("id", "42")));
        rows.add(bad("no kioskTime", "events[1].kioskTime", e -> e.remove("kioskTime")));
        rows.add(bad(
                "a body that is a list",
                "events[1].body",
                e -> e.putArray("body").add(1)));
        rows.add(bad("a body that is text", "events[1].body", e -> e.put("body", "paid")));
        rows.add(bad("no body", "events[1].body", e -> e.remove("body")));
        rows.add(bad("a null body", "events[1].body", e -> e.putNull("body")));
        rows.add(bad(
                "a body over 8192 characters",
                "events[1].body",
                e -> ((ObjectNode) e.get("body")).put("padding", "x".repeat(8200))));
        rows.add(bad("a body nested 8 deep", "events[1].body", e -> {
            ObjectNode inner = (ObjectNode) e.get("body");
            for (int i = 0; i < 8; i++) {
                inner = inner.putObject("in");
            }
        }));
        rows.add(bad("a null event", "events[1]", e -> e.removeAll()));
        return rows.stream();
    }

    private static Arguments bad(String name, String where, Consumer<ObjectNode> change) {
        return Arguments.of(name, where, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBatches")
    void aMalformedEventRefusesTheBatchWithItsIndexAndFieldAndStoresNothing(
            String name, String where, Consumer<ObjectNode> change) throws Exception {
        TestDevice device = device();
        DeviceEvent canary = event(1, "help.requested", "kiosk", 1);
        ObjectNode badEvent = Json.wire().valueToTree(event(2, "help.answered", "by", "att-1"));
        change.accept(badEvent);
        ArrayNode events = Json.wire().createArrayNode();
        events.add(Json.wire().<JsonNode>valueToTree(canary));
        events.add(badEvent.isEmpty() ? Json.wire().nullNode() : badEvent);
        ObjectNode batch = Json.wire().createObjectNode();
        batch.set("events", events);
        Http.Response r = http.post(
                "/api/v1/device/events",
                device.token(),
                "application/json",
                Json.wire().writeValueAsString(batch).getBytes(StandardCharsets.UTF_8),
                false);
        assertEquals(400, r.status(), () -> name + ": " + r.text());
        assertTrue(r.json().get("message").asText().contains(where), () -> name + ": " + r.text());
        assertEquals(0, stored(canary.id()), name + ": the good event beside it is not stored");
    }

    @Test
    void emptyAndOversizedBatchesAreRefused() throws Exception {
        TestDevice device = device();
        Http.Response empty = device.sendEvents(List.of());
        assertEquals(400, empty.status(), empty.text());
        assertEquals("empty_batch", empty.json().get("code").asText());
        List<DeviceEvent> many = new ArrayList<>();
        for (int i = 1; i <= 501; i++) {
            many.add(event(i, "queue.ticket_issued", "ticket", "A-" + i));
        }
        Http.Response tooMany = device.sendEvents(many);
        assertEquals(413, tooMany.status(), tooMany.text());
        assertEquals(0, stored(many.getFirst().id()));
        assertEquals(200, device.sendEvents(many.subList(0, 500)).status(), "500 is the limit, not over it");
    }

    @Test
    void withoutADeviceTokenNothingIsStoredAndWithoutAPersonTokenNothingIsListed() throws Exception {
        DeviceEvent e = event(1, "kiosk.locked", "by", "att-1");
        Http.Response none = http.postJson("/api/v1/device/events", null, List.of(e));
        assertEquals(401, none.status(), none.text());
        Http.Response person = http.postGzipJson(
                "/api/v1/device/events", portal.admin, new org.accesscentre.core.wire.EventBatch(List.of(e)));
        assertEquals(401, person.status(), "a person's token is no device's: " + person.text());
        assertEquals(0, stored(e.id()));
        assertEquals(401, http.get("/api/v1/admin/events", null).status());
        assertEquals(401, http.get("/api/v1/admin/events", "dvt.forged").status());
        Http.Response officer = http.get("/api/v1/admin/events", portal.token("agency_officer", "civil-registry"));
        assertEquals(403, officer.status(), officer.text());
    }

    @Test
    void theListIsFilteredByKindOrPrefixAndTimeAndCutToTheLimit() throws Exception {
        TestDevice device = device();
        assertEquals(
                200,
                device.sendEvents(List.of(
                                event(1, "payment.confirmed", "amountCents", 2500),
                                event(2, "payment.refunded", "amountCents", 500),
                                event(3, "session.ended", "minutes", 12)))
                        .status());
        Instant later = clock.instant().plus(Duration.ofMinutes(5));
        clock.set(later);
        assertEquals(
                200,
                device.sendEvents(List.of(event(4, "payment.confirmed", "amountCents", 1000)))
                        .status());
        String mine = "?device=" + device.deviceId;

        assertEquals(3, list(mine + "&kind=payment.").size());
        assertEquals(3, list(mine + "&kind=payment").size(), "one word is the prefix");
        assertEquals(2, list(mine + "&kind=payment.confirmed").size());
        assertEquals(0, list(mine + "&kind=payment.confirm").size(), "a kind is matched whole");
        assertEquals(1, list(mine + "&since=" + later).size());
        assertEquals(
                1000, list(mine + "&since=" + later).at("/0/body/amountCents").asInt());
        JsonNode two = list(mine + "&limit=2");
        assertEquals(2, two.size());
        assertEquals(4, two.get(0).get("sequence").asLong(), "newest received first");
        assertEquals(3, two.get(1).get("sequence").asLong(), "then by the kiosk's order, newest first");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badParameters")
    void aBadListParameterIsRefusedNamingIt(String query, String named) {
        Http.Response r = http.get("/api/v1/admin/events?" + query, portal.admin);
        assertEquals(400, r.status(), r.text());
        assertEquals("invalid_parameter", r.json().get("code").asText());
        assertTrue(r.json().get("message").asText().startsWith(named), r::text);
    }

    static Stream<Arguments> badParameters() {
        return Stream.of(
                Arguments.of("limit=0", "limit"),
                Arguments.of("limit=501", "limit"),
                Arguments.of("limit=ten", "limit"),
                Arguments.of("limit=-1", "limit"),
                Arguments.of("since=yesterday", "since"),
                Arguments.of("since=2026-11-22", "since"),
                Arguments.of("kind=Payment", "kind"),
                Arguments.of("kind=payment..confirmed", "kind"),
                Arguments.of("kind=%27%20OR%201%3D1", "kind"),
                Arguments.of("device=someone", "device"),
                Arguments.of("device=", "device"));
    }
}
