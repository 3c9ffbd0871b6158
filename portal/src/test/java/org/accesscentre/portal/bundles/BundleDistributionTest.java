package org.accesscentre.portal.bundles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.core.wire.HeartbeatReply;
import org.accesscentre.core.wire.IngestItem;
import org.accesscentre.core.wire.ItemResult;
import org.accesscentre.core.wire.Outcome;
import org.accesscentre.portal.support.Http;
import org.accesscentre.portal.support.TestBundles;
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
 * The ICT office publishes signed catalogue and configuration bundles; the portal checks each as a kiosk
 * would, and devices fetch the one meant for them with its ETag. A refused bundle changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class BundleDistributionTest {
    /** Enough rounds of enough rivals that two publishes meet inside the database, on every run. */
    private static final int RIVALS = 8;

    private static final int ROUNDS = 5;
    final TestClock clock = new TestClock(Instant.parse("2026-11-22T14:00:00Z"));
    TestPortal portal;
    Http http;
    TestBundles bundles;
    TestDevice device;

    abstract TestPortal.Db db();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        portal = TestPortal.start(db(), dir, clock);
        http = portal.http;
        bundles = new TestBundles(dir.resolve("bundles"), clock);
        device = TestDevice.enrol(portal, "SOU", 1, clock);
    }

    @AfterAll
    void stop() throws Exception {
        if (portal != null) {
            portal.close();
        }
    }

    private long newestCatalogue() {
        long newest = 0;
        for (JsonNode b : http.get("/api/v1/admin/bundles", portal.admin).json()) {
            if (b.get("kind").asText().equals("catalogue")) {
                newest = Math.max(newest, b.get("version").asLong());
            }
        }
        return newest;
    }

    private JsonNode publishedOk(byte[] bundle, String target) {
        Http.Response r = portal.publish(bundle, target);
        assertEquals(201, r.status(), r.text());
        return r.json();
    }

    @Order(1)
    @Test
    void beforeAnythingIsPublishedADeviceIsToldThereIsNone() {
        for (String kind : List.of("catalogue", "config")) {
            Http.Response r = http.get("/api/v1/device/" + kind, device.token());
            assertEquals(404, r.status(), r.text());
            assertEquals("none_published", r.json().get("code").asText());
        }
        HeartbeatReply reply = device.heartbeatOk(device.heartbeat());
        assertEquals(0, reply.catalogueVersion());
        assertEquals(0, reply.configVersion());
    }

    @Order(2)
    @Test
    void aCatalogueSignedByTheTrustedKeyIsPublishedAndNamedInTheHeartbeatReply() {
        long version = newestCatalogue() + 1;
        byte[] bundle = bundles.catalogue(version, portal.signing.getPrivate());
        JsonNode published = publishedOk(bundle, "all");
        assertEquals("catalogue", published.get("kind").asText());
        assertEquals(version, published.get("version").asLong());
        assertEquals(
                Keys.keyId(portal.signing.getPublic()),
                published.get("signedBy").asText());
        assertEquals(version, newestCatalogue());
        assertEquals(version, device.heartbeatOk(device.heartbeat()).catalogueVersion());
    }

    @Order(3)
    @Test
    void aDeviceFetchesTheCatalogueWithItsETagAndAnUnchangedOneIs304WithNoBody() {
        long version = newestCatalogue() + 1;
        byte[] bundle = bundles.catalogue(version, portal.signing.getPrivate());
        publishedOk(bundle, "all");
        Http.Response full = http.get("/api/v1/device/catalogue", device.token());
        assertEquals(200, full.status(), full.text());
        assertArrayEquals(bundle, full.body(), "the device gets the bytes that were signed");
        assertEquals(
                "application/zip", full.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(
                Long.toString(version),
                full.headers().firstValue("X-Bundle-Version").orElseThrow());
        String etag = full.headers().firstValue("ETag").orElseThrow();

        Http.Response unchanged = http.get("/api/v1/device/catalogue", device.token(), "If-None-Match", etag);
        assertEquals(304, unchanged.status());
        assertEquals(0, unchanged.body().length, "a 304 has no body");
        assertEquals(etag, unchanged.headers().firstValue("ETag").orElseThrow());

        // A proxy that compresses may weaken the ETag; a client may send several.
        for (String sent : List.of("W/" + etag, "\"an-older-one\", " + etag, "*")) {
            Http.Response r = http.get("/api/v1/device/catalogue", device.token(), "If-None-Match", sent);
            assertEquals(304, r.status(), sent);
            assertEquals(0, r.body().length, sent);
        }
        Http.Response other = http.get("/api/v1/device/catalogue", device.token(), "If-None-Match", "\"other\"");
        assertEquals(200, other.status(), "another ETag gets the bundle");

        byte[] newer = bundles.catalogue(version + 1, portal.signing.getPrivate());
        publishedOk(newer, "all");
        Http.Response changed = http.get("/api/v1/device/catalogue", device.token(), "If-None-Match", etag);
        assertEquals(200, changed.status());
        assertArrayEquals(newer, changed.body());
    }

    Stream<Arguments> refusedBundles() {
        KeyPair stranger = Keys.generate(Keys.ED25519);
        return Stream.of(
                refusal("unsigned", 400, "invalid_bundle", "unsigned", v -> bundles.catalogue(v + 1, null)),
                refusal(
                        "signed by an unknown key",
                        400,
                        "invalid_bundle",
                        "unknown key",
                        v -> bundles.catalogue(v + 1, stranger.getPrivate())),
                refusal(
                        "tampered after signing",
                        400,
                        "invalid_bundle",
                        "catalogue.json",
                        v -> TestBundles.tamper(
                                bundles.catalogue(v + 1, portal.signing.getPrivate()),
                                "Certificates and ID",
                                "Certificates and IX")),
                refusal(
                        "of the version already published",
                        409,
                        "version_not_newer",
                        "not newer",
                        v -> bundles.catalogue(v, portal.signing.getPrivate())),
                refusal(
                        "of an older version",
                        409,
                        "version_not_newer",
                        "not newer",
                        v -> bundles.catalogue(v - 1, portal.signing.getPrivate())));
    }

    private static Arguments refusal(
            String name, int status, String code, String message, Function<Long, byte[]> bundleAfter) {
        return Arguments.of(name, status, code, message, bundleAfter);
    }

    @Order(4)
    @ParameterizedTest(name = "a catalogue {0} is refused and changes nothing")
    @MethodSource("refusedBundles")
    void aRefusedCatalogueChangesNothing(
            String name, int status, String code, String message, Function<Long, byte[]> bundleAfter) {
        long current = newestCatalogue();
        assertTrue(current >= 2, "a catalogue is published to be kept");
        String listed = http.get("/api/v1/admin/bundles", portal.admin).text();
        long catalogues = portal.count("SELECT COUNT(*) FROM catalogue");
        Http.Response before = http.get("/api/v1/device/catalogue", device.token());

        Http.Response r = portal.publish(bundleAfter.apply(current), "all");
        assertEquals(status, r.status(), r.text());
        assertEquals(code, r.json().get("code").asText(), r.text());
        assertTrue(r.json().get("message").asText().contains(message), r.text());

        assertEquals(listed, http.get("/api/v1/admin/bundles", portal.admin).text());
        assertEquals(catalogues, portal.count("SELECT COUNT(*) FROM catalogue"));
        Http.Response after = http.get("/api/v1/device/catalogue", device.token());
        assertEquals(
                before.headers().firstValue("ETag").orElseThrow(),
                after.headers().firstValue("ETag").orElseThrow());
        assertEquals(current, device.heartbeatOk(device.heartbeat()).catalogueVersion());
    }

    @Order(5)
    @Test
    void aCatalogueIsForEveryDeviceNotOneCentre() {
        Http.Response r =
                portal.publish(bundles.catalogue(newestCatalogue() + 1, portal.signing.getPrivate()), "centre:SOU");
        assertEquals(400, r.status(), r.text());
        assertEquals("invalid_target", r.json().get("code").asText());
    }

    @Order(6)
    @Test
    void aBundleFromAKeyTrustedLaterIsAccepted() {
        KeyPair deputy = Keys.generate(Keys.ED25519);
        byte[] bundle = bundles.catalogue(newestCatalogue() + 1, deputy.getPrivate());
        assertEquals(400, portal.publish(bundle, "all").status(), "not trusted yet");
        Http.Response trust = http.postJson(
                "/api/v1/admin/signing-keys",
                portal.admin,
                Map.of("publicKey", Keys.toBase64(deputy.getPublic()), "label", "deputy"));
        assertEquals(201, trust.status(), trust.text());
        assertEquals(
                Keys.keyId(deputy.getPublic()),
                publishedOk(bundle, "all").get("signedBy").asText());
    }

    @Order(7)
    @Test
    void aDeviceGetsItsOwnConfigOverItsCentresOverEveryones() throws Exception {
        TestDevice own = TestDevice.enrol(portal, "VFT", 1, clock);
        TestDevice sameCentre = TestDevice.enrol(portal, "VFT", 2, clock);
        TestDevice elsewhere = TestDevice.enrol(portal, "CAS", 1, clock);
        KeyPair signing = portal.signing;
        // The more specific a bundle, the lower its version here: specificity wins, not the number.
        byte[] everyone = bundles.config(3, "CAS", 1, "everyone", signing, signing.getPrivate());
        byte[] centre = bundles.config(2, "VFT", 2, "centre", signing, signing.getPrivate());
        byte[] mine = bundles.config(1, "VFT", 1, "mine", signing, signing.getPrivate());
        publishedOk(everyone, "all");
        publishedOk(centre, "centre:VFT");
        publishedOk(mine, "device:" + own.deviceId);

        assertArrayEquals(mine, http.get("/api/v1/device/config", own.token()).body());
        assertArrayEquals(
                centre, http.get("/api/v1/device/config", sameCentre.token()).body());
        assertArrayEquals(
                everyone, http.get("/api/v1/device/config", elsewhere.token()).body());
        assertEquals(1, own.heartbeatOk(own.heartbeat()).configVersion());
        assertEquals(2, sameCentre.heartbeatOk(sameCentre.heartbeat()).configVersion());
        assertEquals(3, elsewhere.heartbeatOk(elsewhere.heartbeat()).configVersion());

        Http.Response older =
                portal.publish(bundles.config(2, "CAS", 1, "older", signing, signing.getPrivate()), "all");
        assertEquals(409, older.status(), "versions only rise within a target");
        publishedOk(bundles.config(2, "VFT", 1, "mine again", signing, signing.getPrivate()), "device:" + own.deviceId);
        assertEquals(2, own.heartbeatOk(own.heartbeat()).configVersion());
        assertEquals(3, elsewhere.heartbeatOk(elsewhere.heartbeat()).configVersion(), "others are untouched");
    }

    @Order(8)
    @Test
    void submissionsSealedAgainstANewlyPublishedCatalogueAreAcceptedAndAgainstAnUnknownOneRejected() throws Exception {
        long next = newestCatalogue() + 1;
        TestDevice early = TestDevice.enrol(portal, "GRI", 1, clock, TestBundles.catalogue(next));
        IngestItem tooSoon = early.submit(1, new Random(1)).getFirst();
        ItemResult refused = early.sendOk(List.of(tooSoon)).results().getFirst();
        assertEquals(Outcome.REJECTED, refused.outcome());
        assertTrue(refused.reason().contains("catalogue version " + next + " is unknown"), refused.reason());

        publishedOk(bundles.catalogue(next, portal.signing.getPrivate()), "all");
        List<IngestItem> items = early.submit(5, new Random(2));
        assertEquals(next, items.getFirst().catalogueVersion());
        for (ItemResult r : early.sendOk(items).results()) {
            assertEquals(Outcome.ACCEPTED, r.outcome(), r::toString);
        }
        Http.Response read = http.get("/api/v1/agency/cases/" + items.getFirst().reference(), portal.admin);
        assertEquals(200, read.status(), read.text());

        TestDevice ahead = TestDevice.enrol(portal, "GRI", 2, clock, TestBundles.catalogue(next + 50));
        ItemResult unknown =
                ahead.sendOk(ahead.submit(1, new Random(3))).results().getFirst();
        assertEquals(Outcome.REJECTED, unknown.outcome());
        assertTrue(unknown.reason().contains("is unknown here"), unknown.reason());
    }

    @Order(9)
    @Test
    void adminsPublishingTheSameVersionAtOnceGetOneBundleAndConflictsForTheRest() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RIVALS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                long version = newestCatalogue() + 1;
                List<byte[]> rivals = new ArrayList<>();
                for (int i = 0; i < RIVALS; i++) {
                    rivals.add(bundles.catalogue(version, portal.signing.getPrivate()));
                }
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Http.Response>> answers = new ArrayList<>();
                for (byte[] rival : rivals) {
                    answers.add(pool.submit(() -> {
                        go.await();
                        return portal.publish(rival, "all");
                    }));
                }
                go.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Http.Response> f : answers) {
                    Http.Response r = f.get(2, TimeUnit.MINUTES);
                    statuses.add(r.status());
                    assertTrue(r.status() == 201 || r.status() == 409, r.status() + " " + r.text());
                }
                assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
                assertEquals(
                        1,
                        portal.count("SELECT COUNT(*) FROM bundle WHERE kind = 'catalogue' AND version = ?", version));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
