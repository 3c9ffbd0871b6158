package org.accesscentre.portal.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.accesscentre.core.json.Json;
import org.accesscentre.core.wire.Command;
import org.accesscentre.core.wire.CommandResult;
import org.accesscentre.core.wire.Heartbeat;
import org.accesscentre.core.wire.HeartbeatReply;
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
 * Heartbeats keep each device's latest health and answer with when to call again and what commands wait;
 * a command is delivered until the device confirms it. The fleet view judges silence by the portal's clock.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HeartbeatAndCommandsTest {
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
        TestDevice device = TestDevice.enrol(portal, "SOU", ++kiosk, clock);
        device.authenticate();
        return device;
    }

    private JsonNode shown(TestDevice device) {
        Http.Response r = http.get("/api/v1/admin/devices/" + device.deviceId, portal.admin);
        assertEquals(200, r.status(), r.text());
        return r.json();
    }

    private String command(TestDevice device, String type, Map<String, String> args) {
        Http.Response r = http.postJson(
                "/api/v1/admin/devices/" + device.deviceId + "/commands",
                portal.admin,
                Map.of("type", type, "args", args));
        assertEquals(201, r.status(), r.text());
        return r.json().get("id").asText();
    }

    private static List<String> ids(HeartbeatReply reply) {
        return reply.commands().stream().map(Command::id).toList();
    }

    @Test
    void aHeartbeatStoresTheDevicesHealthAndTheReplySaysWhenToCallAgain() throws Exception {
        TestDevice device = device();
        Heartbeat beat = new Heartbeat(
                "1.4.2",
                1,
                0,
                17,
                3600,
                81_920,
                9L << 30,
                61.5,
                "paper_out",
                -4_000,
                "printer: paper out",
                clock.instant(),
                List.of());
        HeartbeatReply reply = device.heartbeatOk(beat);
        assertEquals(60, reply.nextPollSeconds());
        assertEquals(clock.instant(), reply.portalTime());
        assertEquals(List.of(), reply.commands());

        JsonNode d = shown(device).get("device");
        assertEquals("online", d.get("state").asText());
        assertEquals(clock.instant().toString(), d.get("lastSeenAt").asText());
        assertEquals("1.4.2", d.get("appVersion").asText());
        assertEquals(1, d.get("catalogueVersion").asLong());
        assertEquals(17, d.get("queueDepth").asInt());
        assertEquals(3600, d.get("oldestUnsentSeconds").asLong());
        assertEquals(81_920, d.get("bytesWaiting").asLong());
        assertEquals(9L << 30, d.get("diskFreeBytes").asLong());
        assertEquals(61.5, d.get("temperatureCelsius").asDouble());
        assertEquals("paper_out", d.get("printerState").asText());
        assertEquals(-4_000, d.get("clockOffsetMillis").asLong());
        assertEquals("printer: paper out", d.get("lastError").asText());

        clock.advance(Duration.ofSeconds(60));
        device.heartbeatOk(device.heartbeat());
        JsonNode latest = shown(device).get("device");
        assertEquals(0, latest.get("queueDepth").asInt(), "only the latest health is kept");
        assertEquals("ok", latest.get("printerState").asText());
    }

    @Test
    void aCommandIsDeliveredInEveryReplyUntilConfirmedAndThenNotAgain() throws Exception {
        TestDevice device = device();
        String lock = command(device, "lock", Map.of());
        String wipe = command(device, "wipe", Map.of("includeUnsent", "false"));

        HeartbeatReply first = device.heartbeatOk(device.heartbeat());
        assertEquals(List.of(lock, wipe), ids(first), "in the order they were made");
        assertEquals(Map.of("includeUnsent", "false"), first.commands().get(1).args());
        assertEquals(List.of(lock, wipe), ids(device.heartbeatOk(device.heartbeat())), "again until confirmed");

        HeartbeatReply confirmed = device.heartbeatOk(device.heartbeat(new CommandResult(lock, true, "locked")));
        assertEquals(List.of(wipe), ids(confirmed), "a confirmed command is not delivered again");
        HeartbeatReply done = device.heartbeatOk(device.heartbeat(new CommandResult(wipe, false, "no such store")));
        assertEquals(List.of(), ids(done));
        assertEquals(List.of(), ids(device.heartbeatOk(device.heartbeat())));

        JsonNode commands = shown(device).get("commands");
        assertEquals(2, commands.size());
        assertEquals(lock, commands.get(0).get("id").asText());
        assertTrue(commands.get(0).get("done").asBoolean());
        assertEquals("locked", commands.get(0).get("message").asText());
        assertTrue(commands.get(0).hasNonNull("deliveredAt"));
        assertEquals(false, commands.get(1).get("done").asBoolean(), "confirmed as not carried out");
        assertEquals("no such store", commands.get(1).get("message").asText());
    }

    @Test
    void commandsArriveInTheOrderMadeEvenWhenThePortalsClockStepsBack() throws Exception {
        TestDevice device = device();
        String lock = command(device, "lock", Map.of());
        clock.advance(Duration.ofMinutes(-5));
        try {
            String unlock = command(device, "unlock", Map.of());
            String syncNow = command(device, "sync_now", Map.of());
            assertEquals(List.of(lock, unlock, syncNow), ids(device.heartbeatOk(device.heartbeat())));
        } finally {
            clock.advance(Duration.ofMinutes(5));
        }
    }

    @Test
    void aConfirmationOfAnotherDevicesCommandIsIgnored() throws Exception {
        TestDevice target = device();
        TestDevice other = device();
        String unlock = command(target, "unlock", Map.of());
        other.heartbeatOk(other.heartbeat(new CommandResult(unlock, true, "done, honestly")));

        assertEquals(List.of(unlock), ids(target.heartbeatOk(target.heartbeat())), "still waiting for its device");
        JsonNode c = shown(target).get("commands").get(0);
        assertTrue(c.get("done").isNull(), c.toString());
        assertTrue(c.get("doneAt").isNull(), c.toString());
    }

    @Test
    void theFleetShowsADeviceOnlineThenOverdueAfterThreeMissedHeartbeats() throws Exception {
        TestDevice device = device();
        assertEquals("never_seen", shown(device).at("/device/state").asText());
        device.heartbeatOk(device.heartbeat());
        assertEquals("online", shown(device).at("/device/state").asText());

        clock.advance(Duration.ofSeconds(3 * 60 + 30));
        assertEquals("online", shown(device).at("/device/state").asText(), "three intervals and 30 s of grace");
        clock.advance(Duration.ofSeconds(1));
        assertEquals("overdue", shown(device).at("/device/state").asText());
        boolean listed = false;
        for (JsonNode d : http.get("/api/v1/admin/devices", portal.admin).json()) {
            if (d.get("deviceId").asText().equals(device.deviceId)) {
                assertEquals("overdue", d.get("state").asText());
                listed = true;
            }
        }
        assertTrue(listed);

        device.heartbeatOk(device.heartbeat());
        assertEquals("online", shown(device).at("/device/state").asText(), "back when it calls again");
    }

    @Test
    void aRevokedDevicesHeartbeatIsRefused() throws Exception {
        TestDevice device = device();
        Http.Response revoke =
                http.postJson("/api/v1/admin/devices/" + device.deviceId + "/revoke", portal.admin, Map.of());
        assertEquals(200, revoke.status(), revoke.text());
        assertEquals(
                401,
                http.postJson("/api/v1/device/heartbeat", device.token(), device.heartbeat())
                        .status());
        assertEquals("revoked", shown(device).at("/device/state").asText());
    }

    Stream<Arguments> invalidHeartbeats() {
        return Stream.of(
                invalid("a negative queue depth", h -> h.put("queueDepth", -1)),
                invalid("a negative oldest-unsent age", h -> h.put("oldestUnsentSeconds", -60)),
                invalid("negative bytes waiting", h -> h.put("bytesWaiting", -1)),
                invalid("negative free disk", h -> h.put("diskFreeBytes", -1)),
                invalid("a negative catalogue version", h -> h.put("catalogueVersion", -2)),
                invalid("a negative config version", h -> h.put("configVersion", -2)),
                invalid("an unknown printer state", h -> h.put("printerState", "on_fire")),
                invalid("no printer state", h -> h.remove("printerState")),
                invalid("no app version", h -> h.remove("appVersion")),
                invalid("an app version of 41 characters", h -> h.put("appVersion", "1".repeat(41))),
                invalid("a last error of 501 characters", h -> h.put("lastError", "e".repeat(501))),
                invalid("no kiosk time", h -> h.remove("kioskTime")));
    }

    private static Arguments invalid(String name, Consumer<ObjectNode> change) {
        return Arguments.of(name, change);
    }

    @ParameterizedTest(name = "{0} is refused")
    @MethodSource("invalidHeartbeats")
    void anInvalidHeartbeatIsRefusedAndRecordsNothing(String name, Consumer<ObjectNode> change) throws Exception {
        TestDevice device = device();
        String command = command(device, "sync_now", Map.of());
        device.heartbeatOk(device.heartbeat());
        JsonNode before = shown(device);
        clock.advance(Duration.ofSeconds(60));

        ObjectNode beat = Json.wire().valueToTree(device.heartbeat(new CommandResult(command, true, "synced")));
        change.accept(beat);
        Http.Response r = http.postJson("/api/v1/device/heartbeat", device.token(), beat);
        assertEquals(400, r.status(), r.text());
        assertEquals("invalid_heartbeat", r.json().get("code").asText(), r.text());
        assertEquals(before, shown(device), "no health, no last-seen time and no confirmation was recorded");
    }

    @Test
    void commandsAreCheckedWhenTheyAreMade() throws Exception {
        TestDevice device = device();
        String path = "/api/v1/admin/devices/" + device.deviceId + "/commands";
        Http.Response unknown = http.postJson(path, portal.admin, Map.of("type", "reboot"));
        assertEquals(400, unknown.status(), unknown.text());
        assertEquals("invalid_command", unknown.json().get("code").asText());
        Http.Response vagueWipe =
                http.postJson(path, portal.admin, Map.of("type", "wipe", "args", Map.of("includeUnsent", "maybe")));
        assertEquals(400, vagueWipe.status(), vagueWipe.text());
        Http.Response nobody =
                http.postJson("/api/v1/admin/devices/dev_aaaaaaaaaaaa/commands", portal.admin, Map.of("type", "lock"));
        assertEquals(404, nobody.status(), nobody.text());
        Http.Response readOnly = http.postJson(path, portal.token("read_only", null), Map.of("type", "lock"));
        assertEquals(403, readOnly.status(), readOnly.text());
        assertEquals(List.of(), ids(device.heartbeatOk(device.heartbeat())), "none of them was queued");
    }
}
