package org.accesscentre.portal.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.accesscentre.core.json.Json;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.core.reference.ReferenceNumber;
import org.accesscentre.core.wire.Challenge;
import org.accesscentre.core.wire.IngestItem;
import org.accesscentre.core.wire.IngestResult;
import org.accesscentre.core.wire.ItemResult;
import org.accesscentre.core.wire.Outcome;
import org.accesscentre.portal.support.Http;
import org.accesscentre.portal.support.TestDevice;
import org.accesscentre.portal.support.TestPortal;
import org.accesscentre.testing.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests no honest kiosk or person sends. Each is refused with a 4xx and {@code {code, message, details}},
 * or, for content a kiosk could get wrong inside a well-formed batch, with a per-item "rejected". None is a
 * 500; afterwards the portal still answers, and a batch refused as a whole stored none of its items.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class HostileRequestsTest {
    private static final List<String> SQL = List.of("' OR 1=1 --", "\"; DROP TABLE submission; --");
    private static final String PASSWD = "../../etc/passwd";

    final TestClock clock = new TestClock(Instant.parse("2026-11-22T14:00:00Z"));
    final Random random = new Random(7);
    /** Valid items sent alongside a bad one in batches that must be refused whole: none may be stored. */
    final List<UUID> canaries = new ArrayList<>();
    /** Good journal events sent beside a bad one: none may be stored. */
    final List<UUID> eventCanaries = new ArrayList<>();
    /** An event the portal holds, whose id a hostile batch reuses with other content. */
    final String takenEvent = UUID.randomUUID().toString();

    TestPortal portal;
    Http http;
    TestDevice device;
    IngestItem acceptedCase;

    abstract TestPortal.Db db();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        portal = TestPortal.start(db(), dir, clock);
        http = portal.http;
        device = TestDevice.enrol(portal, "SOU", 4, clock);
        acceptedCase = device.submit(1, random).getFirst();
        assertEquals(
                Outcome.ACCEPTED,
                device.sendOk(List.of(acceptedCase)).results().getFirst().outcome());
        ObjectNode taken = event();
        taken.put("id", takenEvent);
        assertEquals(200, eventsOf(List.of(taken)).status());
    }

    @AfterAll
    void stop() throws Exception {
        if (portal != null) {
            portal.close();
        }
    }

    /** One hostile request, sent when its row runs. */
    @FunctionalInterface
    interface Call {
        Http.Response send() throws Exception;
    }

    /** What a hostile request must get. */
    sealed interface Expect {
        /** Refused whole: this status, this error code, the JSON error shape. */
        record Refused(int status, String code) implements Expect {}

        /** A well-formed batch whose bad item is answered "rejected" for this reason, beside a good one. */
        record ItemRejected(String reason) implements Expect {}
    }

    Stream<Arguments> hostileRequests() {
        List<Arguments> rows = new ArrayList<>();
        Consumer<Arguments> add = rows::add;

        // The body is not the JSON the route reads.
        add.accept(refused("malformed JSON", 400, "invalid_json", () -> batchBody("{\"items\": [")));
        add.accept(refused("malformed JSON on enrolment", 400, "invalid_json", () -> json("/api/v1/enrol", "{code:")));
        add.accept(refused("items is a string", 400, "invalid_json", () -> batchBody("{\"items\": \"lots\"}")));
        add.accept(refused("sequence is text", 400, "invalid_json", () -> batch(i -> i.put("sequence", "seven"))));
        add.accept(refused(
                "transactionId is not a UUID", 400, "invalid_json", () -> batch(i -> i.put("transactionId", 42))));
        add.accept(refused(
                "kiosk as text on a code",
                400,
                "invalid_json",
                () -> json("/api/v1/admin/enrolment-codes", portal.admin, "{\"centre\":\"SOU\",\"kiosk\":[1]}")));
        add.accept(
                refused("misspelt items", 400, "empty_batch", () -> batchBody("{\"itemz\": [" + item(i -> {}) + "]}")));
        add.accept(refused(
                "misspelt printerState",
                400,
                "invalid_heartbeat",
                () -> heartbeat(h -> {
                    h.set("printerStatus", h.remove("printerState"));
                })));
        add.accept(refused("a null item", 400, "invalid_json", () -> batchBody("{\"items\": [null]}")));
        add.accept(refused("a property twice", 400, "invalid_json", () -> batchBody("{\"items\": [], \"items\": []}")));
        add.accept(refused("content after the document", 400, "invalid_json", () -> batchBody("{\"items\": []} {}")));
        add.accept(refused("an empty batch body", 400, "invalid_json", () -> batchBody("")));
        add.accept(refused("an empty enrolment body", 400, "invalid_json", () -> json("/api/v1/enrol", "")));
        add.accept(refused("HTML on a JSON route", 400, "invalid_json", () -> batchBody("<html>hello</html>")));
        add.accept(refused("invalid UTF-8", 400, "invalid_json", () -> {
            byte[] head = "{\"items\":[{\"reference\":\"".getBytes(StandardCharsets.US_ASCII);
            byte[] body = new byte[head.length + 6];
            System.arraycopy(head, 0, body, 0, head.length);
            body[head.length] = (byte) 0xC3;
            body[head.length + 1] = (byte) 0x28;
            System.arraycopy("\"}]}".getBytes(StandardCharsets.US_ASCII), 0, body, head.length + 2, 4);
            return http.post("/api/v1/device/batches", device.authenticate(), "application/json", body, false);
        }));
        add.accept(refused(
                "a JSON bomb of nested arrays",
                400,
                "invalid_json",
                () -> batchBody("{\"items\": [], \"x\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}")));
        add.accept(refused(
                "a JSON bomb at the root",
                400,
                "invalid_json",
                () -> json("/api/v1/device/challenge", "[".repeat(20_000) + "]".repeat(20_000))));
        add.accept(refused(
                "a 2 MB string", 400, "invalid_json", () -> batch(i -> i.put("reference", "A".repeat(2 << 20)))));
        add.accept(refused(
                "a 10,000-character service id",
                400,
                "invalid_item",
                () -> batch(i -> i.put("serviceId", "s".repeat(10_000)))));

        // Numbers out of range.
        add.accept(refused("a negative sequence", 400, "invalid_item", () -> batch(i -> i.put("sequence", -1))));
        add.accept(refused("a negative fee", 400, "invalid_item", () -> batch(i -> i.put("feeCents", -5))));
        add.accept(refused(
                "a sequence past a long",
                400,
                "invalid_json",
                () -> batch(i -> i.put("sequence", new java.math.BigInteger("99999999999999999999")))));
        add.accept(refused(
                "a kiosk time past the year 292 million",
                400,
                "invalid_item",
                () -> batch(i -> i.put("kioskTime", "+999999999-12-31T23:59:59Z"))));
        add.accept(refused(
                "a negative queue depth", 400, "invalid_heartbeat", () -> heartbeat(h -> h.put("queueDepth", -1))));
        add.accept(refused(
                "a queue depth past an int",
                400,
                "invalid_json",
                () -> heartbeat(h -> h.put("queueDepth", 3_000_000_000L))));
        add.accept(refused(
                "a temperature past a double",
                400,
                "invalid_heartbeat",
                () -> heartbeat(h -> h.put("temperatureCelsius", new java.math.BigDecimal("1e400")))));
        add.accept(refused(
                "a code valid for -1 days",
                400,
                "invalid_ttl",
                () -> json(
                        "/api/v1/admin/enrolment-codes",
                        portal.admin,
                        "{\"centre\":\"SOU\",\"kiosk\":1,\"validDays\":-1}")));
        add.accept(refused(
                "a kiosk number of 100",
                400,
                "invalid_kiosk",
                () -> json("/api/v1/admin/enrolment-codes", portal.admin, "{\"centre\":\"SOU\",\"kiosk\":100}")));
        add.accept(refused(
                "a command argument that is null",
                400,
                "invalid_command",
                () -> json(
                        "/api/v1/admin/devices/" + device.deviceId + "/commands",
                        portal.admin,
                        "{\"type\":\"wipe\",\"args\":{\"includeUnsent\":null}}")));
        add.accept(refused(
                "101 command results",
                400,
                "invalid_heartbeat",
                () -> heartbeat(h -> {
                    ArrayNode results = h.putArray("commandResults");
                    for (int k = 0; k < 101; k++) {
                        results.addObject().put("id", "cmd_aaaaaaaaaaaa").put("done", true);
                    }
                })));
        add.accept(refused("21 hardware facts", 400, "invalid_hardware", () -> {
            ObjectNode body = Json.wire().createObjectNode();
            body.put("code", portal.enrolmentCode("GRI", 5));
            body.put("publicKey", Keys.toBase64(Keys.generate(Keys.ED25519).getPublic()));
            ObjectNode hardware = body.putObject("hardware");
            for (int k = 0; k < 21; k++) {
                hardware.put("fact" + k, "x");
            }
            return http.postJson("/api/v1/enrol", null, body);
        }));
        add.accept(refused(
                "a feed limit of -1",
                400,
                "invalid_parameter",
                () -> http.get("/api/v1/device/statuses?limit=-1", device.authenticate())));

        // Sizes and encodings.
        add.accept(refused("501 items", 413, "too_large", () -> {
            IngestItem one = device.submit(1, random).getFirst();
            List<IngestItem> many = new ArrayList<>();
            for (int k = 0; k < 501; k++) {
                many.add(one);
            }
            canaries.add(one.transactionId());
            device.authenticate();
            return device.send(many);
        }));
        add.accept(refused(
                "a body over 4 MiB",
                413,
                "too_large",
                () -> http.post(
                        "/api/v1/device/batches", device.authenticate(), "application/json", padded(5 << 20), false)));
        add.accept(refused(
                "a chunked body over 4 MiB",
                413,
                "too_large",
                () -> http.send(http.request("/api/v1/device/batches", device.authenticate())
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                                () -> new ByteArrayInputStream(padded(5 << 20))))
                        .build())));
        add.accept(refused(
                "a gzip bomb of 20 MB of zeros",
                413,
                "too_large",
                () -> http.post(
                        "/api/v1/device/batches",
                        device.authenticate(),
                        "application/json",
                        Http.gzip(new byte[20 << 20]),
                        true)));
        add.accept(refused(
                "text/plain on a JSON route",
                415,
                "unsupported_media_type",
                () -> http.post(
                        "/api/v1/device/batches", device.authenticate(), "text/plain", batchJson(i -> {}), false)));
        add.accept(refused(
                "no content type",
                415,
                "unsupported_media_type",
                () -> http.call("POST", "/api/v1/enrol", null, Map.of(), "{}".getBytes(StandardCharsets.UTF_8))));
        add.accept(refused(
                "a JSON bundle",
                415,
                "unsupported_media_type",
                () -> http.post("/api/v1/admin/bundles", portal.admin, "application/json", "{}".getBytes(), false)));
        add.accept(refused(
                "Content-Encoding br",
                415,
                "unsupported_media_type",
                () -> http.call(
                        "POST",
                        "/api/v1/device/batches",
                        device.authenticate(),
                        Map.of("Content-Type", "application/json", "Content-Encoding", "br"),
                        batchJson(i -> {}))));
        add.accept(refused(
                "gzip declared, plain sent",
                400,
                "bad_gzip",
                () -> http.call(
                        "POST",
                        "/api/v1/device/batches",
                        device.authenticate(),
                        Map.of("Content-Type", "application/json", "Content-Encoding", "gzip"),
                        batchJson(i -> {}))));
        add.accept(refused(
                "gzip sent, not declared",
                400,
                "invalid_json",
                () -> http.post(
                        "/api/v1/device/batches",
                        device.authenticate(),
                        "application/json",
                        Http.gzip(batchJson(i -> {})),
                        false)));
        add.accept(refused(
                "headers of 70 kB",
                431,
                "headers_too_large",
                () -> http.send(http.request("/api/v1/admin/devices", portal.admin)
                        .header("X-Padding", "a".repeat(70_000))
                        .GET()
                        .build())));
        add.accept(refused(
                "a path of 20 kB",
                414,
                "uri_too_long",
                () -> http.get("/api/v1/admin/devices/" + "a".repeat(20_000), portal.admin)));
        add.accept(refused(
                "a garbage bundle",
                400,
                "invalid_bundle",
                () -> http.post(
                        "/api/v1/admin/bundles", portal.admin, "application/zip", "PK not really".getBytes(), false)));

        // Who is calling.
        add.accept(refused("an expired device token", 401, "unauthorized", () -> {
            String token = device.authenticate();
            clock.advance(Duration.ofHours(1).plusSeconds(1));
            return http.get("/api/v1/device/statuses", token);
        }));
        add.accept(refused("a revoked API token", 401, "unauthorized", () -> {
            String token = portal.token("read_only", null);
            http.delete("/api/v1/admin/tokens/" + token.substring(0, token.indexOf('.')), portal.admin);
            return http.get("/api/v1/admin/devices", token);
        }));
        add.accept(refused("a forged API token secret", 401, "unauthorized", () -> {
            String token = portal.token("read_only", null);
            return http.get("/api/v1/admin/devices", token.substring(0, token.indexOf('.')) + ".forged");
        }));
        add.accept(refused(
                "a read-only token enrolling",
                403,
                "forbidden",
                () -> json(
                        "/api/v1/admin/enrolment-codes",
                        portal.token("read_only", null),
                        "{\"centre\":\"SOU\",\"kiosk\":9}")));
        add.accept(refused("a revoked device asking for a challenge", 403, "device_revoked", () -> {
            TestDevice stolen = enrolled("DEN", 1);
            revoke(stolen);
            return http.postJson("/api/v1/device/challenge", null, Map.of("deviceId", stolen.deviceId));
        }));
        add.accept(refused("a revoked device's token", 401, "unauthorized", () -> {
            TestDevice stolen = enrolled("DEN", 2);
            String token = stolen.authenticate();
            revoke(stolen);
            return http.get("/api/v1/device/statuses", token);
        }));
        add.accept(refused("a replayed challenge answer", 401, "unauthorized", () -> {
            var answer = device.answerTo(device.challenge());
            assertEquals(200, device.answer(answer).status());
            return device.answer(answer);
        }));
        add.accept(refused(
                "a forged device signature",
                401,
                "unauthorized",
                () -> device.answer(device.answerTo(
                        device.challenge(), Keys.generate(Keys.ED25519).getPrivate()))));
        add.accept(refused("a signature that is not base64", 400, "invalid_signature", () -> {
            Challenge ch = device.challenge();
            return http.postJson(
                    "/api/v1/device/token",
                    null,
                    Map.of("deviceId", device.deviceId, "challengeId", ch.challengeId(), "signature", "%%%"));
        }));
        add.accept(refused(
                "a bearer token of 6,000 characters",
                401,
                "unauthorized",
                () -> http.get("/api/v1/device/statuses", "dvt." + "a".repeat(6_000))));
        add.accept(refused(
                "Basic instead of Bearer",
                401,
                "unauthorized",
                () -> http.call(
                        "GET",
                        "/api/v1/admin/devices",
                        null,
                        Map.of("Authorization", "Basic YWRtaW46YWRtaW4="),
                        null)));
        add.accept(refused(
                "a challenge for a device never enrolled",
                404,
                "not_found",
                () -> http.postJson("/api/v1/device/challenge", null, Map.of("deviceId", "dev_aaaaaaaaaaaa"))));
        add.accept(refused("no bearer token", 401, "unauthorized", () -> http.get("/api/v1/admin/devices", null)));

        // Enrolment.
        add.accept(refused("an expired enrolment code", 403, "invalid_code", () -> {
            Http.Response made = json(
                    "/api/v1/admin/enrolment-codes", portal.admin, "{\"centre\":\"GRI\",\"kiosk\":1,\"validDays\":1}");
            clock.advance(Duration.ofDays(1).plusSeconds(1));
            return enrol(
                    made.json().get("code").asText(),
                    Keys.toBase64(Keys.generate(Keys.ED25519).getPublic()));
        }));
        add.accept(refused("a used enrolment code", 403, "invalid_code", () -> {
            String code = portal.enrolmentCode("GRI", 2);
            String key = Keys.toBase64(Keys.generate(Keys.ED25519).getPublic());
            assertEquals(201, enrol(code, key).status());
            return enrol(code, Keys.toBase64(Keys.generate(Keys.ED25519).getPublic()));
        }));
        add.accept(refused(
                "an X25519 key to enrol",
                400,
                "invalid_public_key",
                () -> enrol(
                        portal.enrolmentCode("GRI", 3),
                        Keys.toBase64(Keys.generate(Keys.X25519).getPublic()))));
        add.accept(refused(
                "an RSA key to enrol",
                400,
                "invalid_public_key",
                () -> enrol(
                        portal.enrolmentCode("GRI", 3),
                        Keys.toBase64(Keys.generate("RSA").getPublic()))));

        // Paths and references.
        add.accept(refused(
                PASSWD + " as a device id",
                404,
                "not_found",
                () -> http.get("/api/v1/admin/devices/" + PASSWD, portal.admin)));
        add.accept(refused(
                "%2e%2e%2f as a device id",
                404,
                "not_found",
                () -> http.get("/api/v1/admin/devices/%2e%2e%2f%2e%2e%2fetc%2fpasswd", portal.admin)));
        add.accept(refused(
                "%2e%2e%2f as a case id",
                404, "not_found", () -> http.get("/api/v1/agency/cases/%2e%2e%2f%2e%2e%2fetc%2fpasswd", portal.admin)));
        add.accept(refused(
                "a path that is not UTF-8",
                400,
                "bad_request",
                () -> http.get("/api/v1/admin/devices/%ff%fe", portal.admin)));
        add.accept(refused(
                "a NUL in the path", 400, "bad_request", () -> http.get("/api/v1/admin/devices/%00", portal.admin)));
        add.accept(refused(
                "PUT on the batch route",
                405,
                "method_not_allowed",
                () -> http.call(
                        "PUT",
                        "/api/v1/device/batches",
                        device.authenticate(),
                        Map.of("Content-Type", "application/json"),
                        batchJson(i -> {}))));
        add.accept(refused(
                "an unknown route", 404, "not_found", () -> http.get("/api/v1/admin/everything", portal.admin)));
        add.accept(refused(
                "a reference with a bad check character",
                400,
                "invalid_reference",
                () -> http.get("/api/v1/device/lookup/" + badCheck(acceptedCase.reference()), device.authenticate())));

        // Content a kiosk could get wrong: the batch is fine, the item is rejected.
        add.accept(rejected("an unknown service id", "is not in catalogue", i -> i.put("serviceId", "moon-visa")));
        add.accept(rejected(
                "tabs and newlines in the service id",
                "is not in catalogue",
                i -> i.put("serviceId", "visa\taccepted\nx")));
        add.accept(rejected("an unknown service version", "is not in catalogue", i -> i.put("serviceVersion", 99)));
        add.accept(rejected("an unknown catalogue version", "is unknown here", i -> i.put("catalogueVersion", 77)));
        add.accept(rejected(
                "an item reference with a bad check character",
                "check character",
                i -> i.put("reference", badCheck(i.get("reference").asText()))));

        // SQL metacharacters where the text is checked: refused, or rejected per item.
        for (String sql : SQL) {
            String q = "(" + sql + ")";
            String enc = URLEncoder.encode(sql, StandardCharsets.UTF_8).replace("+", "%20");
            add.accept(refused(
                    "enrol code " + q,
                    403,
                    "invalid_code",
                    () -> enrol(sql, Keys.toBase64(Keys.generate(Keys.ED25519).getPublic()))));
            add.accept(refused(
                    "enrol publicKey " + q,
                    400,
                    "invalid_public_key",
                    () -> enrol(portal.enrolmentCode("VFT", 1), sql)));
            add.accept(refused(
                    "challenge deviceId " + q,
                    400,
                    "invalid_device_id",
                    () -> http.postJson("/api/v1/device/challenge", null, Map.of("deviceId", sql))));
            add.accept(refused(
                    "token deviceId " + q,
                    400,
                    "invalid_device_id",
                    () -> http.postJson(
                            "/api/v1/device/token",
                            null,
                            Map.of("deviceId", sql, "challengeId", "ch_aaaaaaaaaaaa", "signature", "AAAA"))));
            add.accept(refused(
                    "token challengeId " + q,
                    401,
                    "unauthorized",
                    () -> http.postJson(
                            "/api/v1/device/token",
                            null,
                            Map.of("deviceId", device.deviceId, "challengeId", sql, "signature", "AAAA"))));
            add.accept(refused(
                    "token signature " + q,
                    400,
                    "invalid_signature",
                    () -> http.postJson(
                            "/api/v1/device/token",
                            null,
                            Map.of("deviceId", device.deviceId, "challengeId", "ch_aaaaaaaaaaaa", "signature", sql))));
            add.accept(refused(
                    "item transactionId " + q, 400, "invalid_json", () -> batch(i -> i.put("transactionId", sql))));
            add.accept(refused("item kioskTime " + q, 400, "invalid_json", () -> batch(i -> i.put("kioskTime", sql))));
            add.accept(refused("item currency " + q, 400, "invalid_item", () -> batch(i -> i.put("currency", sql))));
            add.accept(refused("item sealed " + q, 400, "invalid_item", () -> batch(i -> i.put("sealed", sql))));
            add.accept(rejected("item reference " + q, "malformed", i -> i.put("reference", sql)));
            add.accept(rejected("item serviceId " + q, "is not in catalogue", i -> i.put("serviceId", sql)));
            add.accept(refused(
                    "heartbeat printerState " + q,
                    400,
                    "invalid_heartbeat",
                    () -> heartbeat(h -> h.put("printerState", sql))));
            add.accept(refused(
                    "heartbeat kioskTime " + q, 400, "invalid_json", () -> heartbeat(h -> h.put("kioskTime", sql))));
            add.accept(refused(
                    "token role " + q,
                    400,
                    "invalid_role",
                    () -> http.postJson("/api/v1/admin/tokens", portal.admin, Map.of("name", "n", "role", sql))));
            add.accept(refused(
                    "token agency " + q,
                    400,
                    "invalid_agency",
                    () -> http.postJson(
                            "/api/v1/admin/tokens",
                            portal.admin,
                            Map.of("name", "n", "role", "agency_officer", "agency", sql))));
            add.accept(refused(
                    "code centre " + q,
                    400,
                    "invalid_centre",
                    () -> http.postJson(
                            "/api/v1/admin/enrolment-codes", portal.admin, Map.of("centre", sql, "kiosk", 1))));
            add.accept(refused(
                    "command type " + q,
                    400,
                    "invalid_command",
                    () -> http.postJson(
                            "/api/v1/admin/devices/" + device.deviceId + "/commands",
                            portal.admin,
                            Map.of("type", sql))));
            add.accept(refused(
                    "signing key " + q,
                    400,
                    "invalid_public_key",
                    () -> http.postJson("/api/v1/admin/signing-keys", portal.admin, Map.of("publicKey", sql))));
            add.accept(refused(
                    "case status " + q,
                    400,
                    "invalid_status",
                    () -> http.postJson(
                            "/api/v1/agency/cases/" + acceptedCase.reference() + "/status",
                            portal.admin,
                            Map.of("status", sql))));
            add.accept(refused(
                    "case number " + q,
                    400,
                    "invalid_case_number",
                    () -> http.postJson(
                            "/api/v1/agency/cases/" + acceptedCase.reference() + "/status",
                            portal.admin,
                            Map.of("status", "in_progress", "caseNumber", sql))));
            add.accept(refused(
                    "device id path " + q,
                    404,
                    "not_found",
                    () -> http.get("/api/v1/admin/devices/" + enc, portal.admin)));
            add.accept(refused(
                    "revoke path " + q,
                    404,
                    "not_found",
                    () -> http.post(
                            "/api/v1/admin/devices/" + enc + "/revoke",
                            portal.admin,
                            "application/json",
                            new byte[0],
                            false)));
            add.accept(refused(
                    "command path " + q,
                    404,
                    "not_found",
                    () -> http.postJson(
                            "/api/v1/admin/devices/" + enc + "/commands", portal.admin, Map.of("type", "lock"))));
            add.accept(refused(
                    "token path " + q,
                    404,
                    "not_found",
                    () -> http.delete("/api/v1/admin/tokens/" + enc, portal.admin)));
            add.accept(refused(
                    "case path " + q, 404, "not_found", () -> http.get("/api/v1/agency/cases/" + enc, portal.admin)));
            add.accept(refused(
                    "case status path " + q,
                    404,
                    "not_found",
                    () -> http.postJson(
                            "/api/v1/agency/cases/" + enc + "/status", portal.admin, Map.of("status", "approved"))));
            add.accept(refused(
                    "lookup path " + q,
                    400,
                    "invalid_reference",
                    () -> http.get("/api/v1/device/lookup/" + enc, device.authenticate())));
            add.accept(refused(
                    "feed cursor " + q,
                    400,
                    "invalid_cursor",
                    () -> http.get("/api/v1/device/statuses?cursor=" + enc, device.authenticate())));
            add.accept(refused(
                    "feed limit " + q,
                    400,
                    "invalid_parameter",
                    () -> http.get("/api/v1/device/statuses?limit=" + enc, device.authenticate())));
            add.accept(refused(
                    "cases status query " + q,
                    400,
                    "invalid_status",
                    () -> http.get("/api/v1/agency/cases?status=" + enc, portal.admin)));
            add.accept(refused(
                    "cases agency query " + q,
                    400,
                    "invalid_agency",
                    () -> http.get("/api/v1/agency/cases?agency=" + enc, portal.admin)));
            add.accept(refused(
                    "cases after query " + q,
                    400,
                    "invalid_after",
                    () -> http.get("/api/v1/agency/cases?after=" + enc, portal.admin)));
            add.accept(refused(
                    "daily from query " + q,
                    400,
                    "invalid_parameter",
                    () -> http.get("/api/v1/admin/stats/daily?from=" + enc, portal.admin)));
            add.accept(refused(
                    "bundle target query " + q,
                    400,
                    "invalid_target",
                    () -> http.post(
                            "/api/v1/admin/bundles?target=" + enc,
                            portal.admin,
                            "application/zip",
                            new byte[] {1},
                            false)));
        }
        // Journal events: refused whole, the good event beside the bad one kept out too.
        add.accept(refused("malformed JSON on events", 400, "invalid_json", () -> eventsBody("{\"events\": [")));
        add.accept(refused("a null event", 400, "invalid_event", () -> eventsBody("{\"events\": [null]}")));
        add.accept(refused("an event kind of SQL", 400, "invalid_event", () -> events(e -> e.put("kind", SQL.get(1)))));
        add.accept(refused(
                "an event body of 100,000 characters",
                400,
                "invalid_event",
                () -> events(e -> ((ObjectNode) e.get("body")).put("x", "y".repeat(100_000)))));
        add.accept(refused(
                "an event body nested 20 deep",
                400,
                "invalid_event",
                () -> events(e -> e.set("body", Json.wire().readTree("{\"a\":".repeat(20) + "1" + "}".repeat(20))))));
        add.accept(refused(
                "an event id taken with other content",
                409,
                "event_conflict",
                () -> events(e -> e.put("id", takenEvent))));
        add.accept(refused(
                "an event time past the year 292 million",
                400,
                "invalid_event",
                () -> events(e -> e.put("kioskTime", "+999999999-12-31T23:59:59Z"))));
        add.accept(refused(
                "events on a person's token",
                401,
                "unauthorized",
                () -> http.post(
                        "/api/v1/device/events",
                        portal.admin,
                        "application/json",
                        Http.bytes("{\"events\":[]}"),
                        false)));
        add.accept(refused(
                "an events list with SQL in the kind filter",
                400,
                "invalid_parameter",
                () -> http.get(
                        "/api/v1/admin/events?kind=" + URLEncoder.encode(SQL.get(0), StandardCharsets.UTF_8),
                        portal.admin)));
        return rows.stream();
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileRequests")
    void hostileRequestIsRefusedWithAClearJsonError(String name, Call request, Expect expect) throws Exception {
        Http.Response r = request.send();
        assertTrue(r.status() < 500, () -> name + ": " + r.status() + " " + r.text());
        switch (expect) {
            case Expect.Refused refused -> {
                assertEquals(refused.status(), r.status(), () -> name + ": " + r.text());
                assertTrue(
                        r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                        () -> name + ": " + r.headers());
                JsonNode body = r.json();
                Set<String> fields = new TreeSet<>();
                body.fieldNames().forEachRemaining(fields::add);
                assertEquals(Set.of("code", "details", "message"), fields, r::text);
                assertEquals(refused.code(), body.get("code").asText(), r::text);
                assertFalse(body.get("message").asText().isBlank(), r::text);
                assertTrue(body.get("details").isObject(), r::text);
            }
            case Expect.ItemRejected rejected -> {
                assertEquals(200, r.status(), r::text);
                List<ItemResult> results = r.as(IngestResult.class).results();
                assertEquals(Outcome.ACCEPTED, results.get(0).outcome(), "the good item beside it is kept");
                ItemResult bad = results.get(1);
                assertEquals(Outcome.REJECTED, bad.outcome(), bad::toString);
                assertTrue(bad.reason().contains(rejected.reason()), bad.reason());
            }
        }
    }

    @Order(3)
    @Test
    void sqlMetacharactersInFreeTextAreStoredAsTheyWereSent() throws Exception {
        for (String sql : SQL) {
            Http.Response token =
                    http.postJson("/api/v1/admin/tokens", portal.admin, Map.of("name", sql, "role", "read_only"));
            assertEquals(201, token.status(), token.text());
            assertEquals(sql, token.json().at("/info/name").asText());

            Http.Response key = http.postJson(
                    "/api/v1/admin/signing-keys",
                    portal.admin,
                    Map.of(
                            "publicKey",
                            Keys.toBase64(Keys.generate(Keys.ED25519).getPublic()),
                            "label",
                            sql));
            assertEquals(201, key.status(), key.text());
            assertEquals(sql, key.json().get("label").asText());

            Http.Response command = http.postJson(
                    "/api/v1/admin/devices/" + device.deviceId + "/commands",
                    portal.admin,
                    Map.of("type", "sync_now", "args", Map.of("why", sql)));
            assertEquals(201, command.status(), command.text());
            String commandId = command.json().get("id").asText();
            assertEquals(
                    sql,
                    device.heartbeatOk(device.heartbeat())
                            .commands()
                            .getLast()
                            .args()
                            .get("why"));
            ObjectNode confirm = Json.wire().valueToTree(device.heartbeat());
            confirm.putArray("commandResults")
                    .add(Json.wire()
                            .createObjectNode()
                            .put("id", sql)
                            .put("done", true)
                            .put("message", sql))
                    .add(Json.wire()
                            .createObjectNode()
                            .put("id", commandId)
                            .put("done", true)
                            .put("message", sql));
            assertEquals(
                    200,
                    http.postJson("/api/v1/device/heartbeat", device.token(), confirm)
                            .status());
            JsonNode confirmed = null;
            for (JsonNode c : http.get("/api/v1/admin/devices/" + device.deviceId, portal.admin)
                    .json()
                    .get("commands")) {
                confirmed = c.get("id").asText().equals(commandId) ? c : confirmed;
            }
            assertEquals(sql, confirmed.get("message").asText());

            Http.Response status = http.postJson(
                    "/api/v1/agency/cases/" + acceptedCase.reference() + "/status",
                    portal.admin,
                    Map.of("status", "in_progress", "message", sql));
            assertEquals(200, status.status(), status.text());
            Http.Response lookup = http.get("/api/v1/device/lookup/" + acceptedCase.reference(), device.authenticate());
            assertEquals(sql, lookup.json().get("message").asText());

            ObjectNode beat = Json.wire().valueToTree(device.heartbeat());
            beat.put("appVersion", sql).put("lastError", sql);
            Http.Response hb = http.postJson("/api/v1/device/heartbeat", device.token(), beat);
            assertEquals(200, hb.status(), hb.text());
            JsonNode shown = http.get("/api/v1/admin/devices/" + device.deviceId, portal.admin)
                    .json()
                    .get("device");
            assertEquals(sql, shown.get("appVersion").asText());
            assertEquals(sql, shown.get("lastError").asText());

            Http.Response enrolled = http.postJson(
                    "/api/v1/enrol",
                    null,
                    Map.of(
                            "code",
                            portal.enrolmentCode("LAB", 10 + SQL.indexOf(sql)),
                            "publicKey",
                            Keys.toBase64(Keys.generate(Keys.ED25519).getPublic()),
                            "hardware",
                            Map.of("model", sql, sql, "serial")));
            assertEquals(201, enrolled.status(), enrolled.text());
            assertEquals(
                    1,
                    portal.count(
                            "SELECT COUNT(*) FROM device WHERE id = ? AND hardware LIKE ?",
                            enrolled.json().get("deviceId").asText(),
                            "%" + sql.substring(1) + "%"),
                    "the hardware facts are kept as sent");

            TestDevice other = TestDevice.enrol(portal, "LAB", 1 + SQL.indexOf(sql), clock);
            Http.Response revoke = http.postJson(
                    "/api/v1/admin/devices/" + other.deviceId + "/revoke", portal.admin, Map.of("reason", sql));
            assertEquals(200, revoke.status(), revoke.text());
            assertEquals(
                    sql,
                    http.get("/api/v1/admin/devices/" + other.deviceId, portal.admin)
                            .json()
                            .at("/device/revokedReason")
                            .asText());
        }
        assertTrue(portal.count("SELECT COUNT(*) FROM submission") > 0, "the submission table is still there");
    }

    @Order(2)
    @Test
    void anOversizedBodyIsAnswered413EvenWhileTheClientIsStillSendingIt() throws Exception {
        byte[] tooLarge = padded(5 << 20);
        String token = device.authenticate();
        for (int i = 0; i < 20; i++) {
            Http.Response r = http.post("/api/v1/device/batches", token, "application/json", tooLarge, false);
            assertEquals(413, r.status(), r.text());
        }
    }

    @Order(4)
    @Test
    void afterAllOfThemThePortalAnswersAndNothingRefusedWasStored() throws Exception {
        Http.Response health = http.get("/api/v1/health", null);
        assertEquals(200, health.status(), health.text());
        assertEquals("ok", health.json().get("database").asText());
        assertTrue(canaries.size() > 10, "the refused batches each carried a good item: " + canaries.size());
        for (UUID id : canaries) {
            assertEquals(
                    0,
                    portal.count("SELECT COUNT(*) FROM submission WHERE tx_id = ?", id.toString()),
                    id + " came in a batch that was refused as a whole");
        }
        for (UUID id : eventCanaries) {
            assertEquals(
                    0,
                    portal.count("SELECT COUNT(*) FROM device_event WHERE id = ?", id.toString()),
                    id + " came in a batch of events that was refused as a whole");
        }
        JsonNode stats = portal.txStats();
        assertEquals(
                portal.count("SELECT COUNT(*) FROM submission"),
                stats.get("received").asLong());
        assertEquals(
                portal.count("SELECT COUNT(*) FROM submission WHERE outcome = 'accepted'"),
                portal.count("SELECT COALESCE(SUM(count), 0) FROM ingest_count WHERE outcome = 'accepted'"),
                "the daily counters hold no count from a refused batch");
        assertEquals(
                0,
                portal.count("SELECT COUNT(*) FROM ingest_count WHERE outcome NOT IN "
                        + "('accepted', 'rejected', 'duplicate', 'conflict')"),
                "every count is filed under an outcome, whatever the service id held");
        device.authenticate();
        assertEquals(
                Outcome.ACCEPTED,
                device.sendOk(device.submit(1, random)).results().getFirst().outcome(),
                "an honest batch is still accepted");
    }

    // ---- the table's vocabulary ----

    private static Arguments refused(String name, int status, String code, Call request) {
        return Arguments.of(name, request, new Expect.Refused(status, code));
    }

    private Arguments rejected(String name, String reason, Consumer<ObjectNode> change) {
        Call request = () -> {
            IngestItem good = device.submit(1, random).getFirst();
            ArrayNode items = Json.wire().createArrayNode();
            items.add(Json.wire().<JsonNode>valueToTree(good));
            items.add(item(change));
            ObjectNode batch = Json.wire().createObjectNode();
            batch.set("items", items);
            return http.postJson("/api/v1/device/batches", device.authenticate(), batch);
        };
        return Arguments.of(name, request, new Expect.ItemRejected(reason));
    }

    /** A fresh, valid item as JSON, changed by {@code change}. */
    private ObjectNode item(Consumer<ObjectNode> change) throws Exception {
        ObjectNode item = Json.wire().valueToTree(device.submit(1, random).getFirst());
        change.accept(item);
        return item;
    }

    /** A batch of a good item (a canary: it must not be stored) followed by a bad one, as JSON bytes. */
    private byte[] batchJson(Consumer<ObjectNode> change) throws Exception {
        IngestItem good = device.submit(1, random).getFirst();
        canaries.add(good.transactionId());
        ArrayNode items = Json.wire().createArrayNode();
        items.add(Json.wire().<JsonNode>valueToTree(good));
        items.add(item(change));
        ObjectNode batch = Json.wire().createObjectNode();
        batch.set("items", items);
        return Json.wire().writeValueAsBytes(batch);
    }

    private Http.Response batch(Consumer<ObjectNode> change) throws Exception {
        return http.post("/api/v1/device/batches", device.authenticate(), "application/json", batchJson(change), false);
    }

    private Http.Response batchBody(String body) {
        return http.post(
                "/api/v1/device/batches",
                device.authenticate(),
                "application/json",
                body.getBytes(StandardCharsets.UTF_8),
                false);
    }

    /** A valid journal event as JSON. */
    private ObjectNode event() {
        ObjectNode e = Json.wire().createObjectNode();
        e.put("id", UUID.randomUUID().toString());
        e.put("sequence", 1 + random.nextInt(1_000_000));
        e.put("kind", "help.requested");
        e.put("kioskTime", clock.instant().toString());
        e.putObject("body").put("kiosk", 4);
        return e;
    }

    /** A good event (a canary: it must not be stored) and a bad one, in one batch. */
    private Http.Response events(ThrowingChange change) throws Exception {
        ObjectNode good = event();
        eventCanaries.add(UUID.fromString(good.get("id").asText()));
        ObjectNode bad = event();
        change.accept(bad);
        return eventsOf(List.of(good, bad));
    }

    @FunctionalInterface
    interface ThrowingChange {
        void accept(ObjectNode event) throws Exception;
    }

    private Http.Response eventsOf(List<ObjectNode> events) {
        ObjectNode batch = Json.wire().createObjectNode();
        events.forEach(batch.putArray("events")::add);
        return http.postJson("/api/v1/device/events", device.authenticate(), batch);
    }

    private Http.Response eventsBody(String body) {
        return http.post(
                "/api/v1/device/events",
                device.authenticate(),
                "application/json",
                body.getBytes(StandardCharsets.UTF_8),
                false);
    }

    private Http.Response heartbeat(Consumer<ObjectNode> change) {
        ObjectNode beat = Json.wire().valueToTree(device.heartbeat());
        change.accept(beat);
        return http.postJson("/api/v1/device/heartbeat", device.authenticate(), beat);
    }

    private Http.Response json(String path, String body) {
        return json(path, null, body);
    }

    private Http.Response json(String path, String token, String body) {
        return http.post(path, token, "application/json", body.getBytes(StandardCharsets.UTF_8), false);
    }

    private Http.Response enrol(String code, String publicKey) {
        return http.postJson("/api/v1/enrol", null, Map.of("code", code, "publicKey", publicKey));
    }

    private TestDevice enrolled(String centre, int kiosk) throws Exception {
        return TestDevice.enrol(portal, centre, kiosk, clock);
    }

    private void revoke(TestDevice d) {
        assertEquals(
                200,
                http.postJson("/api/v1/admin/devices/" + d.deviceId + "/revoke", portal.admin, Map.of())
                        .status());
    }

    /** A syntactically valid batch padded with an unknown field to {@code size} bytes. */
    private static byte[] padded(int size) {
        String head = "{\"items\": [], \"padding\": \"";
        return (head + "x".repeat(size - head.length() - 2) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** The same reference with another check character: the kind of typo the check character catches. */
    private static String badCheck(String reference) {
        char check = reference.charAt(reference.length() - 1);
        String other = check == 'A' ? "B" : "A";
        String bad = reference.substring(0, reference.length() - 1) + other;
        assertTrue(ReferenceNumber.parse(bad).isEmpty(), bad);
        return bad;
    }
}
