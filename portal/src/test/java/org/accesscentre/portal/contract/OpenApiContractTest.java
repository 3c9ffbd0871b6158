package org.accesscentre.portal.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.ParsedEndpoint;
import io.javalin.security.Roles;
import io.javalin.security.RouteRole;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.accesscentre.core.catalogue.DemoCatalogue;
import org.accesscentre.core.json.Json;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.core.reference.ReferenceNumber;
import org.accesscentre.core.wire.ChallengeSigning;
import org.accesscentre.core.wire.CommandResult;
import org.accesscentre.core.wire.DeviceEvent;
import org.accesscentre.core.wire.Heartbeat;
import org.accesscentre.core.wire.IngestBatch;
import org.accesscentre.core.wire.IngestItem;
import org.accesscentre.core.wire.SignedOrder;
import org.accesscentre.core.wire.TokenRequest;
import org.accesscentre.device.bundle.BundleBuilder;
import org.accesscentre.device.bundle.BundleKind;
import org.accesscentre.device.bundle.BundleSigner;
import org.accesscentre.device.bundle.BundleSpec;
import org.accesscentre.device.bundle.RollbackOrder;
import org.accesscentre.device.signing.Ed25519;
import org.accesscentre.portal.http.Access;
import org.accesscentre.portal.security.Secrets;
import org.accesscentre.portal.support.Http;
import org.accesscentre.portal.support.TestBundles;
import org.accesscentre.portal.support.TestDevice;
import org.accesscentre.portal.support.TestPortal;
import org.accesscentre.testing.TestClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docs/api/openapi.yaml} is the contract (architecture rule 8); this keeps it true. The routes the
 * running portal registers and the routes the document describes must be the same, with the same access
 * level; every {@code $ref} resolves; every record the document names has exactly the fields Jackson writes;
 * and real answers from a real portal, for every route, have a status the document lists and the fields it
 * promises, no more and no fewer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenApiContractTest {
    private static final Set<HandlerType> HTTP_METHODS =
            Set.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    /** Who may call a route at each access level, as {@code Authenticator} decides it. */
    private static final Map<Access, String> SECURITY = Map.of(
            Access.PUBLIC, "[]",
            Access.DEVICE, "[{\"deviceToken\":[]}]",
            Access.READ, "[{\"personToken\":[\"ict_admin\",\"read_only\"]}]",
            Access.ADMIN, "[{\"personToken\":[\"ict_admin\"]}]",
            Access.AGENCY, "[{\"personToken\":[\"ict_admin\",\"agency_officer\"]}]");

    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T14:00:00Z"));
    private final ObjectMapper json = Json.wire();
    private OpenApiDocument doc;
    private DocumentedAnswers answers;
    private TestPortal portal;
    private Http http;
    private Path dir;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        dir = tmp;
        doc = OpenApiDocument.load();
        answers = new DocumentedAnswers(doc);
        portal = TestPortal.start(TestPortal.Db.SQLITE, tmp.resolve("portal"), clock);
        http = portal.http;
    }

    @AfterAll
    void stop() throws Exception {
        if (portal != null) {
            portal.close();
        }
    }

    // ----- the document and the routes -----

    @Test
    void everyRouteThePortalRegistersIsInTheDocument() {
        Set<String> missing = new TreeSet<>(registered().keySet());
        missing.removeAll(doc.operations().keySet());
        assertEquals(Set.of(), missing, "routes the portal serves that docs/api/openapi.yaml does not describe");
    }

    @Test
    void everyRouteInTheDocumentIsRegistered() {
        Set<String> extra = new TreeSet<>(doc.operations().keySet());
        extra.removeAll(registered().keySet());
        assertEquals(Set.of(), extra, "routes docs/api/openapi.yaml describes that the portal does not serve");
    }

    @Test
    void everyRouteDocumentsTheAccessItIsRegisteredWith() {
        List<String> wrong = new ArrayList<>();
        registered().forEach((route, access) -> {
            JsonNode op = doc.operations().get(route);
            if (op == null) {
                return; // reported by everyRouteThePortalRegistersIsInTheDocument
            }
            if (!op.path("x-access").asText().equals(access.name())) {
                wrong.add(route + ": registered " + access + ", documented x-access " + op.path("x-access"));
            }
            if (!op.path("security").toString().equals(SECURITY.get(access))) {
                wrong.add(route + ": " + access + " needs security " + SECURITY.get(access) + ", documented "
                        + op.path("security"));
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyRouteDocumentsTheErrorsEveryRouteCanGive() {
        List<String> wrong = new ArrayList<>();
        doc.operations().forEach((route, op) -> {
            JsonNode responses = op.path("responses");
            Access access = Access.valueOf(op.path("x-access").asText("PUBLIC"));
            if (!responses.has("500")) {
                wrong.add(route + " lacks 500");
            }
            if (access != Access.PUBLIC && !responses.has("401")) {
                wrong.add(route + " lacks 401");
            }
            if (access != Access.PUBLIC && access != Access.DEVICE && !responses.has("403")) {
                wrong.add(route + " lacks 403");
            }
            if (op.path("requestBody").path("content").has("application/json")
                    && !(responses.has("400") && responses.has("413") && responses.has("415"))) {
                wrong.add(route + " reads JSON but lacks one of 400, 413, 415");
            }
            responses.properties().forEach(r -> {
                int status = Integer.parseInt(r.getKey());
                JsonNode body = doc.deref(r.getValue()).path("content").path("application/json");
                // The one exception: health answers 503 in its own shape, which monitors read.
                boolean healthDegraded = route.equals("GET /api/v1/health") && status == 503;
                if (status >= 400
                        && !healthDegraded
                        && !body.path("schema").path("$ref").asText().equals("#/components/schemas/ApiError")) {
                    wrong.add(route + " " + status + " is not an ApiError");
                }
            });
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyReferenceResolves() {
        List<String> unresolved = new ArrayList<>();
        collectRefs(doc.root(), "", unresolved);
        assertEquals(List.of(), unresolved, "$refs that name nothing in the document");
    }

    private void collectRefs(JsonNode node, String at, List<String> unresolved) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && doc.resolve(ref.asText()).isEmpty()) {
                unresolved.add(at + ": " + ref.asText());
            }
            node.properties().forEach(e -> collectRefs(e.getValue(), at + "/" + e.getKey(), unresolved));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectRefs(node.get(i), at + "/" + i, unresolved);
            }
        }
    }

    @Test
    void theErrorSchemaHasCodeMessageAndDetails() {
        JsonNode error = doc.root().at("/components/schemas/ApiError");
        assertEquals(Set.of("code", "message", "details"), keys(error.path("properties")), "ApiError's fields");
        assertEquals(Set.of("code", "message", "details"), texts(error.path("required")));
        assertEquals("string", error.at("/properties/code/type").asText());
        assertEquals("string", error.at("/properties/message/type").asText());
        assertEquals("object", error.at("/properties/details/type").asText());
    }

    /** Jackson decides the field names; the document must name exactly those, for every record it names. */
    @Test
    void everyRecordTheDocumentNamesHasExactlyTheDocumentedFields() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (var schema : doc.root().path("components").path("schemas").properties()) {
            String javaType = schema.getValue().path("x-java-type").asText("");
            if (javaType.isEmpty()) {
                continue;
            }
            Class<?> type = Class.forName(javaType);
            if (type.isEnum()) {
                Set<String> written = new TreeSet<>();
                for (Object constant : type.getEnumConstants()) {
                    if (!type.getField(((Enum<?>) constant).name()).isAnnotationPresent(JsonEnumDefaultValue.class)) {
                        written.add(json.valueToTree(constant).asText());
                    }
                }
                if (!written.equals(texts(schema.getValue().path("enum")))) {
                    wrong.add(schema.getKey() + ": Jackson writes " + written + ", documented "
                            + schema.getValue().path("enum"));
                }
                continue;
            }
            JavaType javaTypeRef = json.constructType(type);
            BeanDescription bean = json.getSerializationConfig().introspect(javaTypeRef);
            Set<String> fields = bean.findProperties().stream()
                    .map(BeanPropertyDefinition::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> documented = new TreeSet<>(keys(schema.getValue().path("properties")));
            if (!fields.equals(documented)) {
                wrong.add(schema.getKey() + " (" + type.getSimpleName() + "): Jackson has " + fields + ", documented "
                        + documented);
            }
        }
        assertEquals(List.of(), wrong);
    }

    // ----- real answers from a real portal -----

    @Test
    @Order(1)
    void enrolmentAndAuthenticationAnswerAsDocumented() {
        JsonNode code = documented(
                        "POST",
                        "/api/v1/admin/enrolment-codes",
                        http.postJson(
                                "/api/v1/admin/enrolment-codes", portal.admin, Map.of("centre", "SOU", "kiosk", 1)),
                        201)
                .json();
        var identity = Keys.generate(Keys.ED25519);
        Map<String, Object> enrol = Map.of(
                "code",
                code.get("code").asText(),
                "publicKey",
                Keys.toBase64(identity.getPublic()),
                "hardware",
                Map.of("model", "Raspberry Pi 5"));
        JsonNode enrolled = documented("POST", "/api/v1/enrol", http.postJson("/api/v1/enrol", null, enrol), 201)
                .json();
        String deviceId = enrolled.get("deviceId").asText();
        assertEquals("SOU", enrolled.get("centre").asText());
        assertEquals(
                deviceId,
                documented("POST", "/api/v1/enrol", http.postJson("/api/v1/enrol", null, enrol), 201)
                        .json()
                        .get("deviceId")
                        .asText(),
                "the same key retrying its used code gets the same device");
        Map<String, Object> other = new java.util.HashMap<>(enrol);
        other.put("publicKey", Keys.toBase64(Keys.generate(Keys.ED25519).getPublic()));
        assertEquals(
                "invalid_code",
                documented("POST", "/api/v1/enrol", http.postJson("/api/v1/enrol", null, other), 403)
                        .json()
                        .get("code")
                        .asText(),
                "a code works once for any other key");
        documented(
                "POST", "/api/v1/enrol", http.post("/api/v1/enrol", null, "text/plain", Http.bytes("{}"), false), 415);

        JsonNode challenge = documented(
                        "POST",
                        "/api/v1/device/challenge",
                        http.postJson("/api/v1/device/challenge", null, Map.of("deviceId", deviceId)),
                        200)
                .json();
        assertEquals(60, challenge.get("expiresInSeconds").asLong());
        documented(
                "POST",
                "/api/v1/device/challenge",
                http.postJson("/api/v1/device/challenge", null, Map.of("deviceId", "someone")),
                400);
        documented(
                "POST",
                "/api/v1/device/challenge",
                http.postJson("/api/v1/device/challenge", null, Map.of("deviceId", "dev_aaaaaaaaaaaa")),
                404);

        String challengeId = challenge.get("challengeId").asText();
        byte[] message = ChallengeSigning.message(
                deviceId, challengeId, challenge.get("nonce").asText());
        TokenRequest answer = new TokenRequest(
                deviceId,
                challengeId,
                Base64.getEncoder().encodeToString(Ed25519.sign(identity.getPrivate(), message)));
        JsonNode token = documented(
                        "POST", "/api/v1/device/token", http.postJson("/api/v1/device/token", null, answer), 200)
                .json();
        assertEquals(3600, token.get("expiresInSeconds").asLong());
        assertEquals(
                "unauthorized",
                documented("POST", "/api/v1/device/token", http.postJson("/api/v1/device/token", null, answer), 401)
                        .json()
                        .get("code")
                        .asText(),
                "a challenge is answered once");
    }

    @Test
    @Order(2)
    void ingestAnswersEveryOutcomeAsDocumented() throws Exception {
        TestDevice device = TestDevice.enrol(portal, "CAS", 2, clock);
        List<IngestItem> items = device.submit(4, new Random(11));
        List<IngestItem> firstThree = items.subList(0, 3);
        assertEquals(List.of("accepted", "accepted", "accepted"), outcomes(batch(device, firstThree)));
        assertEquals(List.of("duplicate", "duplicate", "duplicate"), outcomes(batch(device, firstThree)));

        IngestItem sent = items.getFirst();
        IngestItem altered = new IngestItem(
                sent.transactionId(),
                sent.reference(),
                sent.serviceId(),
                sent.serviceVersion(),
                sent.catalogueVersion(),
                sent.sequence(),
                sent.kioskTime().plusSeconds(1),
                sent.feeCents(),
                sent.currency(),
                sent.sealed());
        IngestItem unsent = items.get(3);
        IngestItem foreign = new IngestItem(
                java.util.UUID.randomUUID(),
                new ReferenceNumber("SOU", 9, 1).toString(),
                unsent.serviceId(),
                unsent.serviceVersion(),
                unsent.catalogueVersion(),
                1,
                unsent.kioskTime(),
                unsent.feeCents(),
                unsent.currency(),
                unsent.sealed());
        JsonNode mixed = batch(device, List.of(altered, items.get(1), foreign, unsent));
        assertEquals(List.of("conflict", "duplicate", "rejected", "accepted"), outcomes(mixed), "in the batch's order");
        assertFalse(mixed.at("/results/0/reason").isNull(), "a conflict says why");
        assertFalse(mixed.at("/results/2/reason").isNull(), "a rejection says why");
        assertEquals(List.of("rejected"), outcomes(batch(device, List.of(foreign))), "the same answer again");

        documented(
                "POST",
                "/api/v1/device/batches",
                http.postJson("/api/v1/device/batches", device.token(), Map.of("items", List.of())),
                400);
        documented(
                "POST",
                "/api/v1/device/batches",
                http.post("/api/v1/device/batches", device.token(), "text/plain", Http.bytes("x"), false),
                415);
        documented(
                "POST",
                "/api/v1/device/batches",
                http.postGzipJson("/api/v1/device/batches", null, new IngestBatch(firstThree)),
                401);
        documented(
                "POST",
                "/api/v1/device/batches",
                http.postGzipJson("/api/v1/device/batches", portal.admin, new IngestBatch(firstThree)),
                401);
    }

    @Test
    @Order(3)
    void heartbeatCommandsStatusesAndLookupAnswerAsDocumented() throws Exception {
        TestDevice device = TestDevice.enrol(portal, "GRI", 3, clock);
        List<IngestItem> items = device.submit(2, new Random(12));
        batch(device, items);
        String deviceId = device.deviceId;

        JsonNode command = documented(
                        "POST",
                        "/api/v1/admin/devices/{id}/commands",
                        http.postJson(
                                "/api/v1/admin/devices/" + deviceId + "/commands",
                                portal.admin,
                                Map.of("type", "sync_now")),
                        201)
                .json();
        documented(
                "POST",
                "/api/v1/admin/devices/{id}/commands",
                http.postJson(
                        "/api/v1/admin/devices/" + deviceId + "/commands", portal.admin, Map.of("type", "reboot")),
                400);
        JsonNode reply = heartbeat(device, List.of());
        assertEquals(command.get("id").asText(), reply.at("/commands/0/id").asText());
        reply = heartbeat(device, List.of(new CommandResult(command.get("id").asText(), true, "synced")));
        assertTrue(reply.get("commands").isEmpty(), "a confirmed command is not sent again");
        documented(
                "POST",
                "/api/v1/device/heartbeat",
                http.postJson("/api/v1/device/heartbeat", device.token(), Map.of("queueDepth", 1)),
                400);

        IngestItem item = items.getFirst();
        String agency =
                device.catalogue().service(item.serviceId()).orElseThrow().agency();
        String officer = portal.token("agency_officer", agency);
        JsonNode cases = documented(
                        "GET",
                        "/api/v1/agency/cases",
                        http.get("/api/v1/agency/cases?status=received&limit=500", officer),
                        200)
                .json();
        assertFalse(cases.isEmpty());
        documented("GET", "/api/v1/agency/cases", http.get("/api/v1/agency/cases?status=lost", officer), 400);
        documented(
                "GET", "/api/v1/agency/cases", http.get("/api/v1/agency/cases", portal.token("read_only", null)), 403);
        JsonNode detail = documented(
                        "GET",
                        "/api/v1/agency/cases/{id}",
                        http.get("/api/v1/agency/cases/" + item.reference(), officer),
                        200)
                .json();
        assertFalse(detail.get("answers").isEmpty());
        documented(
                "GET",
                "/api/v1/agency/cases/{id}",
                http.get("/api/v1/agency/cases/" + java.util.UUID.randomUUID(), officer),
                404);
        JsonNode set = documented(
                        "POST",
                        "/api/v1/agency/cases/{id}/status",
                        http.postJson(
                                "/api/v1/agency/cases/" + item.transactionId() + "/status",
                                officer,
                                Map.of("status", "needs_information", "message", "Bring your ID card")),
                        200)
                .json();
        assertEquals(1, set.get("version").asLong());
        documented(
                "POST",
                "/api/v1/agency/cases/{id}/status",
                http.postJson(
                        "/api/v1/agency/cases/" + item.transactionId() + "/status", officer, Map.of("status", "lost")),
                400);

        JsonNode feed = documented(
                        "GET", "/api/v1/device/statuses", http.get("/api/v1/device/statuses", device.token()), 200)
                .json();
        assertEquals("needs_information", feed.at("/changes/0/status").asText());
        JsonNode rest = documented(
                        "GET",
                        "/api/v1/device/statuses",
                        http.get(
                                "/api/v1/device/statuses?cursor="
                                        + feed.get("cursor").asText(),
                                device.token()),
                        200)
                .json();
        assertTrue(rest.get("changes").isEmpty(), "the cursor resumes after what was delivered");
        documented(
                "GET",
                "/api/v1/device/statuses",
                http.get("/api/v1/device/statuses?cursor=yesterday", device.token()),
                400);

        JsonNode found = documented(
                        "GET",
                        "/api/v1/device/lookup/{reference}",
                        http.get("/api/v1/device/lookup/" + item.reference(), device.token()),
                        200)
                .json();
        assertEquals("needs_information", found.get("status").asText());
        documented(
                "GET",
                "/api/v1/device/lookup/{reference}",
                http.get("/api/v1/device/lookup/" + new ReferenceNumber("XYZ", 9, 999), device.token()),
                404);
        documented(
                "GET",
                "/api/v1/device/lookup/{reference}",
                http.get("/api/v1/device/lookup/not-a-reference", device.token()),
                400);
    }

    @Test
    @Order(4)
    void bundlesAnswerAsDocumented() throws Exception {
        TestDevice device = TestDevice.enrol(portal, "VFT", 4, clock);
        documented("GET", "/api/v1/device/catalogue", http.get("/api/v1/device/catalogue", device.token()), 404);
        documented("GET", "/api/v1/device/config", http.get("/api/v1/device/config", device.token()), 404);

        long version = DemoCatalogue.load().version() + 1000;
        byte[] bundle = signedCatalogue(version);
        JsonNode published = documented(
                        "POST",
                        "/api/v1/admin/bundles",
                        http.post("/api/v1/admin/bundles?target=all", portal.admin, "application/zip", bundle, false),
                        201)
                .json();
        assertEquals(version, published.get("version").asLong());
        assertEquals(
                "version_not_newer",
                documented(
                                "POST",
                                "/api/v1/admin/bundles",
                                http.post("/api/v1/admin/bundles", portal.admin, "application/zip", bundle, false),
                                409)
                        .json()
                        .get("code")
                        .asText());
        documented(
                "POST",
                "/api/v1/admin/bundles",
                http.post("/api/v1/admin/bundles", portal.admin, "application/json", bundle, false),
                415);
        documented(
                "POST",
                "/api/v1/admin/bundles",
                http.post("/api/v1/admin/bundles?target=centre:SOU", portal.admin, "application/zip", bundle, false),
                400);
        documented("GET", "/api/v1/admin/bundles", http.get("/api/v1/admin/bundles", portal.admin), 200);

        Http.Response fetched = documented(
                "GET", "/api/v1/device/catalogue", http.get("/api/v1/device/catalogue", device.token()), 200);
        String etag = "\"" + HexFormat.of().formatHex(Secrets.sha256(bundle)) + "\"";
        assertEquals(etag, fetched.headers().firstValue("ETag").orElseThrow());
        assertEquals(
                Long.toString(version),
                fetched.headers().firstValue("X-Bundle-Version").orElseThrow());
        assertTrue(java.util.Arrays.equals(bundle, fetched.body()), "the published bytes, unchanged");
        Http.Response unchanged = documented(
                "GET",
                "/api/v1/device/catalogue",
                http.get("/api/v1/device/catalogue", device.token(), "If-None-Match", etag),
                304);
        assertEquals(etag, unchanged.headers().firstValue("ETag").orElseThrow());
        assertEquals(
                version, heartbeat(device, List.of()).get("catalogueVersion").asLong());
    }

    @Test
    @Order(5)
    void adminAndHealthRoutesAnswerAsDocumented() throws Exception {
        documented("GET", "/api/v1/health", http.get("/api/v1/health", null), 200);
        Http.Response metrics = documented("GET", "/metrics", http.get("/metrics", portal.admin), 200);
        assertTrue(metrics.text().contains("portal_http_requests"), "Prometheus text");
        documented("GET", "/metrics", http.get("/metrics", null), 401);
        documented("GET", "/metrics", http.get("/metrics", portal.token("agency_officer", "civil-registry")), 403);

        JsonNode tokens = documented("GET", "/api/v1/admin/tokens", http.get("/api/v1/admin/tokens", portal.admin), 200)
                .json();
        assertFalse(tokens.isEmpty());
        JsonNode made = documented(
                        "POST",
                        "/api/v1/admin/tokens",
                        http.postJson(
                                "/api/v1/admin/tokens",
                                portal.admin,
                                Map.of("name", "scraper", "role", "read_only", "expiresInDays", 30)),
                        201)
                .json();
        documented(
                "POST",
                "/api/v1/admin/tokens",
                http.postJson("/api/v1/admin/tokens", portal.admin, Map.of("name", "x", "role", "superuser")),
                400);
        String readOnly = made.get("token").asText();
        documented(
                "POST",
                "/api/v1/admin/tokens",
                http.postJson("/api/v1/admin/tokens", readOnly, Map.of("name", "x", "role", "read_only")),
                403);
        String tokenId = made.at("/info/id").asText();
        documented(
                "DELETE",
                "/api/v1/admin/tokens/{id}",
                http.delete("/api/v1/admin/tokens/" + tokenId, portal.admin),
                204);
        documented(
                "DELETE",
                "/api/v1/admin/tokens/{id}",
                http.delete("/api/v1/admin/tokens/" + tokenId, portal.admin),
                404);
        documented("GET", "/api/v1/admin/tokens", http.get("/api/v1/admin/tokens", readOnly), 401);

        JsonNode devices = documented(
                        "GET", "/api/v1/admin/devices", http.get("/api/v1/admin/devices", portal.admin), 200)
                .json();
        assertFalse(devices.isEmpty());
        String deviceId = TestDevice.enrol(portal, "DEN", 5, clock).deviceId;
        documented(
                "GET", "/api/v1/admin/devices/{id}", http.get("/api/v1/admin/devices/" + deviceId, portal.admin), 200);
        documented(
                "GET",
                "/api/v1/admin/devices/{id}",
                http.get("/api/v1/admin/devices/dev_zzzzzzzzzzzz", portal.admin),
                404);
        documented(
                "POST",
                "/api/v1/admin/devices/{id}/revoke",
                http.postJson("/api/v1/admin/devices/" + deviceId + "/revoke", portal.admin, Map.of("reason", "test")),
                200);

        documented("GET", "/api/v1/admin/signing-keys", http.get("/api/v1/admin/signing-keys", portal.admin), 200);
        documented(
                "POST",
                "/api/v1/admin/signing-keys",
                http.postJson(
                        "/api/v1/admin/signing-keys",
                        portal.admin,
                        Map.of(
                                "publicKey",
                                Keys.toBase64(Keys.generate(Keys.ED25519).getPublic()),
                                "label",
                                "next year's key")),
                201);
        documented(
                "POST",
                "/api/v1/admin/signing-keys",
                http.postJson("/api/v1/admin/signing-keys", portal.admin, Map.of("publicKey", "bm90IGEga2V5")),
                400);
        documented(
                "GET",
                "/api/v1/admin/stats/transactions",
                http.get("/api/v1/admin/stats/transactions", portal.admin),
                200);
        documented(
                "GET",
                "/api/v1/admin/stats/daily",
                http.get("/api/v1/admin/stats/daily?from=2026-11-01&to=2026-11-30", portal.admin),
                200);
        documented(
                "GET",
                "/api/v1/admin/stats/daily",
                http.get("/api/v1/admin/stats/daily?from=November", portal.admin),
                400);
        documented("GET", "/api/v1/admin/envelope-key", http.get("/api/v1/admin/envelope-key", portal.admin), 200);
    }

    @Test
    @Order(6)
    void journalEventsAnswerAsDocumented() throws Exception {
        TestDevice device = TestDevice.enrol(portal, "GRO", 6, clock);
        ObjectNode body =
                json.createObjectNode().put("reference", "GRO-06-000001-K").put("amountCents", 2500);
        DeviceEvent paid = new DeviceEvent(java.util.UUID.randomUUID(), 1, "payment.confirmed", clock.instant(), body);
        DeviceEvent ended = new DeviceEvent(
                java.util.UUID.randomUUID(), 2, "session.ended", clock.instant(), json.createObjectNode());
        JsonNode result = documented("POST", "/api/v1/device/events", device.sendEvents(List.of(paid, ended)), 200)
                .json();
        assertEquals(2, result.get("stored").asInt());
        assertEquals(
                2,
                documented("POST", "/api/v1/device/events", device.sendEvents(List.of(paid, ended)), 200)
                        .json()
                        .get("duplicates")
                        .asInt());
        DeviceEvent changed =
                new DeviceEvent(paid.id(), 1, "payment.confirmed", clock.instant(), json.createObjectNode());
        documented("POST", "/api/v1/device/events", device.sendEvents(List.of(changed)), 409);
        DeviceEvent badKind = new DeviceEvent(
                java.util.UUID.randomUUID(), 3, "Payment Confirmed", clock.instant(), json.createObjectNode());
        documented("POST", "/api/v1/device/events", device.sendEvents(List.of(badKind)), 400);
        documented("POST", "/api/v1/device/events", http.postGzipJson("/api/v1/device/events", null, Map.of()), 401);

        JsonNode listed = documented(
                        "GET",
                        "/api/v1/admin/events",
                        http.get("/api/v1/admin/events?device=" + device.deviceId + "&kind=payment.", portal.admin),
                        200)
                .json();
        assertEquals(1, listed.size());
        assertEquals(2500, listed.at("/0/body/amountCents").asInt());
        documented("GET", "/api/v1/admin/events", http.get("/api/v1/admin/events?limit=0", portal.admin), 400);
        documented("GET", "/api/v1/admin/events", http.get("/api/v1/admin/events", null), 401);
        documented(
                "GET",
                "/api/v1/admin/events",
                http.get("/api/v1/admin/events", portal.token("agency_officer", "civil-registry")),
                403);
    }

    /**
     * A configuration rollout to one new device, so no other test here sees it: created, refused, listed,
     * shown, paused, resumed with a newer bundle, aborted.
     */
    @Test
    @Order(90)
    void rolloutsAnswerAsDocumented() throws Exception {
        TestDevice device = TestDevice.enrol(portal, "LAB", 7, clock);
        heartbeat(device, List.of());
        TestBundles bundles = new TestBundles(dir.resolve("rollout-bundles"), clock);
        java.security.KeyPair signing = portal.signing;
        String target = "device:" + device.deviceId;
        long first = http.post(
                        "/api/v1/admin/bundles?target=" + target,
                        portal.admin,
                        "application/zip",
                        bundles.config(1, "LAB", 7, "one", signing, signing.getPrivate()),
                        false)
                .json()
                .get("id")
                .asLong();
        Map<String, Object> body = Map.of(
                "bundleId",
                first,
                "target",
                Map.of("devices", List.of(device.deviceId)),
                "waves",
                List.of(Map.of("size", "100%", "successThreshold", 1.0, "errorThreshold", 0.0)));
        String path = "/api/v1/admin/rollouts";
        long id = documented("POST", path, http.postJson(path, portal.admin, body), 201)
                .json()
                .get("id")
                .asLong();
        documented("POST", path, http.postJson(path, portal.admin, body), 409);
        documented("POST", path, http.postJson(path, portal.admin, Map.of("bundleId", first)), 400);
        documented(
                "POST",
                path,
                http.postJson(
                        path,
                        portal.admin,
                        Map.of(
                                "bundleId",
                                99999,
                                "target",
                                Map.of("all", true),
                                "waves",
                                List.of(Map.of("size", "100%")))),
                404);
        documented("GET", path, http.get(path, portal.admin), 200);
        documented("GET", path + "/{id}", http.get(path + "/" + id, portal.admin), 200);
        documented("GET", path + "/{id}", http.get(path + "/999999", portal.admin), 404);
        documented(
                "POST", path + "/{id}/pause", http.postJson(path + "/" + id + "/pause", portal.admin, Map.of()), 200);
        documented(
                "POST", path + "/{id}/pause", http.postJson(path + "/" + id + "/pause", portal.admin, Map.of()), 409);
        long fixed = http.post(
                        "/api/v1/admin/bundles?target=" + target,
                        portal.admin,
                        "application/zip",
                        bundles.config(2, "LAB", 7, "two", signing, signing.getPrivate()),
                        false)
                .json()
                .get("id")
                .asLong();
        JsonNode resumed = documented(
                        "POST",
                        path + "/{id}/resume",
                        http.postJson(path + "/" + id + "/resume", portal.admin, Map.of("bundleId", fixed)),
                        200)
                .json();
        assertEquals(2, resumed.get("version").asLong());
        documented(
                "POST", path + "/{id}/resume", http.postJson(path + "/" + id + "/resume", portal.admin, Map.of()), 409);
        documented(
                "POST", path + "/{id}/abort", http.postJson(path + "/" + id + "/abort", portal.admin, Map.of()), 200);
        documented(
                "POST", path + "/{id}/abort", http.postJson(path + "/" + id + "/abort", portal.admin, Map.of()), 409);
    }

    /**
     * A release rollout to one new device, carrying a rollback order so its JSON is checked too: the reply's
     * offer, the whole bundle, a range, a range past the end, and the refusals.
     */
    @Test
    @Order(91)
    void releasesAnswerAsDocumented() throws Exception {
        TestDevice device = TestDevice.enrol(portal, "REL", 8, clock);
        heartbeat(device, List.of());
        String route = "/api/v1/device/release";
        documented("GET", route, http.get(route, device.token()), 404);
        documented("GET", route, http.get(route, null), 401);
        byte[] bytes =
                new TestBundles(dir.resolve("release-bundles"), clock).release(2, 0, 0, portal.signing.getPrivate());
        long bundle = http.post("/api/v1/admin/bundles?target=all", portal.admin, "application/zip", bytes, false)
                .json()
                .get("id")
                .asLong();
        SignedOrder order =
                new RollbackOrder(2, 3, "release 3 loses receipts", clock.instant()).sign(portal.signing.getPrivate());
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "bundleId",
                bundle,
                "target",
                Map.of("devices", List.of(device.deviceId)),
                "waves",
                List.of(Map.of("size", "100%"))));
        String rollouts = "/api/v1/admin/rollouts";
        body.put("rollbackOrder", new SignedOrder(order.order(), "unknown", order.signature()));
        documented("POST", rollouts, http.postJson(rollouts, portal.admin, body), 400);
        body.put("rollbackOrder", order);
        JsonNode created = documented("POST", rollouts, http.postJson(rollouts, portal.admin, body), 201)
                .json();
        assertTrue(created.get("rollback").asBoolean());

        JsonNode offer = heartbeat(device, List.of()).get("release");
        assertEquals(2, offer.get("version").asLong());
        assertEquals(bytes.length, offer.get("size").asLong());
        assertEquals(order.keyId(), offer.at("/rollback/keyId").asText());
        assertArrayEquals(
                bytes,
                documented("GET", route, http.get(route, device.token()), 200).body());
        Http.Response part = documented("GET", route, http.get(route, device.token(), "Range", "bytes=10-"), 206);
        assertEquals(bytes.length - 10, part.body().length);
        documented("GET", route, http.get(route, device.token(), "Range", "bytes=" + bytes.length + "-"), 416);
        documented(
                "POST",
                rollouts + "/{id}/abort",
                http.postJson(rollouts + "/" + created.get("id").asLong() + "/abort", portal.admin, Map.of()),
                200);
    }

    /** Run last: a route added to the document and the portal must also be called here. */
    @Test
    @Order(100)
    void everyDocumentedRouteIsCalledByThisTest() {
        Set<String> uncalled = new TreeSet<>(doc.operations().keySet());
        uncalled.removeAll(answers.called());
        assertEquals(Set.of(), uncalled, "routes no test here calls; add a call so their answers are checked");
    }

    // ----- helpers -----

    /** The portal's routes, as {@code "GET /path"}, with the access each is registered with. */
    private Map<String, Access> registered() {
        Map<String, Access> routes = new TreeMap<>();
        List<ParsedEndpoint> handlers =
                portal.portal.server().javalin().unsafe.internalRouter.allHttpHandlers();
        for (ParsedEndpoint handler : handlers) {
            Endpoint endpoint = handler.endpoint;
            if (!HTTP_METHODS.contains(endpoint.method)) {
                continue;
            }
            Roles roles = endpoint.metadata(Roles.class);
            Set<RouteRole> set = roles == null ? Set.of() : roles.getRoles();
            assertEquals(1, set.size(), () -> endpoint.method + " " + endpoint.path + " has roles " + set);
            routes.put(OpenApiDocument.key(endpoint.method.name(), endpoint.path), (Access)
                    set.iterator().next());
        }
        assertFalse(routes.isEmpty(), "the portal registered no routes");
        return routes;
    }

    private Http.Response documented(String method, String template, Http.Response r, int expectedStatus) {
        return answers.check(method, template, r, expectedStatus);
    }

    private JsonNode batch(TestDevice device, List<IngestItem> items) {
        return documented("POST", "/api/v1/device/batches", device.send(items), 200)
                .json();
    }

    private static List<String> outcomes(JsonNode result) {
        List<String> out = new ArrayList<>();
        result.get("results").forEach(r -> out.add(r.get("outcome").asText()));
        return out;
    }

    private JsonNode heartbeat(TestDevice device, List<CommandResult> results) {
        Heartbeat beat =
                new Heartbeat("1.4.0", 1, 0, 2, 30, 4096, 8L << 30, 47.5, "ok", 120, null, clock.instant(), results);
        return documented(
                        "POST",
                        "/api/v1/device/heartbeat",
                        http.postGzipJson("/api/v1/device/heartbeat", device.token(), beat),
                        200)
                .json();
    }

    /** The built-in catalogue under a new version, built and signed as {@code kioskctl} would. */
    private byte[] signedCatalogue(long version) throws Exception {
        ObjectNode catalogue;
        try (InputStream in = DemoCatalogue.class.getResourceAsStream(DemoCatalogue.RESOURCE)) {
            catalogue = (ObjectNode) json.readTree(in);
        }
        catalogue.put("version", version);
        Path input = Files.createDirectories(dir.resolve("catalogue-" + version));
        json.writeValue(input.resolve("catalogue.json").toFile(), catalogue);
        Path bundle = dir.resolve("catalogue-" + version + ".bundle");
        new BundleBuilder(clock).build(BundleSpec.of(BundleKind.CATALOGUE, version), input, bundle);
        BundleSigner.sign(bundle, portal.signing.getPrivate());
        return Files.readAllBytes(bundle);
    }

    private static Set<String> keys(JsonNode object) {
        Set<String> out = new TreeSet<>();
        object.properties().forEach(e -> out.add(e.getKey()));
        return out;
    }

    private static Set<String> texts(@Nullable JsonNode array) {
        Set<String> out = new TreeSet<>();
        if (array != null) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }
}
