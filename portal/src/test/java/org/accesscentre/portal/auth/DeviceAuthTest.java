package org.accesscentre.portal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.core.wire.Challenge;
import org.accesscentre.core.wire.IngestItem;
import org.accesscentre.core.wire.ItemResult;
import org.accesscentre.core.wire.Outcome;
import org.accesscentre.core.wire.TokenRequest;
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
 * A device wins a token by signing a one-time challenge. Every limit is by the portal's clock, which the
 * tests move; the device is only ever told durations, so its own clock may be days off.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DeviceAuthTest {
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

    private int statusesWith(String token) {
        return http.get("/api/v1/device/statuses", token).status();
    }

    @Test
    void aKioskWhoseEnrolmentAnswerWasLostEnrolsAgainWithTheSameCodeAndGetsTheSameDevice() throws Exception {
        String code = portal.enrolmentCode("VFT", 1);
        String key = Keys.toBase64(Keys.generate(Keys.ED25519).getPublic());

        Http.Response first = http.postJson("/api/v1/enrol", null, Map.of("code", code, "publicKey", key));
        clock.advance(Duration.ofMinutes(5));
        Http.Response again = http.postJson("/api/v1/enrol", null, Map.of("code", code, "publicKey", key));
        Http.Response otherKey = http.postJson(
                "/api/v1/enrol",
                null,
                Map.of(
                        "code",
                        code,
                        "publicKey",
                        Keys.toBase64(Keys.generate(Keys.ED25519).getPublic())));
        clock.advance(Duration.ofDays(2));
        Http.Response muchLater = http.postJson("/api/v1/enrol", null, Map.of("code", code, "publicKey", key));

        assertEquals(201, first.status(), first.text());
        assertTrue(again.status() == 200 || again.status() == 201, again.text());
        assertEquals(first.json().get("deviceId"), again.json().get("deviceId"));
        assertEquals(403, otherKey.status(), otherKey.text());
        assertEquals("invalid_code", otherKey.json().get("code").asText());
        assertEquals(403, muchLater.status(), "a used code is spent once the retry window has passed");
        assertEquals(1, portal.count("SELECT COUNT(*) FROM device WHERE centre = 'VFT'"), "one device, not two");
    }

    @Test
    void aChallengeCanBeAnsweredOnce() throws Exception {
        TestDevice device = device();
        TokenRequest answer = device.answerTo(device.challenge());
        Http.Response first = device.answer(answer);
        assertEquals(200, first.status(), first.text());
        Http.Response replay = device.answer(answer);
        assertEquals(401, replay.status(), replay.text());
        assertEquals("unauthorized", replay.json().get("code").asText());
        assertEquals(200, statusesWith(first.json().get("token").asText()), "the first token still works");
    }

    @Test
    void aChallengeAnsweredWithinItsMinuteWinsAToken() throws Exception {
        TestDevice device = device();
        Challenge challenge = device.challenge();
        clock.advance(Duration.ofSeconds(59));
        assertEquals(200, device.answer(device.answerTo(challenge)).status());
    }

    @Test
    void anExpiredChallengeIsRefused() throws Exception {
        TestDevice device = device();
        Challenge challenge = device.challenge();
        clock.advance(Duration.ofSeconds(61));
        Http.Response late = device.answer(device.answerTo(challenge));
        assertEquals(401, late.status(), late.text());
        assertTrue(late.json().get("message").asText().contains("expired"), late.text());
        assertEquals(200, device.answer(device.answerTo(device.challenge())).status(), "a new challenge works");
    }

    @Test
    void aDeviceTokenExpiresAfterAnHourByThePortalsClockAndTheDeviceAuthenticatesAgain() throws Exception {
        TestDevice device = device();
        String token = device.authenticate();
        clock.advance(Duration.ofMinutes(59).plusSeconds(59));
        assertEquals(200, statusesWith(token), "still within the hour");
        clock.advance(Duration.ofSeconds(2));
        assertEquals(401, statusesWith(token), "past the hour");
        String again = device.authenticate();
        assertEquals(200, statusesWith(again));
        assertEquals(401, statusesWith(token), "the old token stays dead");
    }

    @Test
    void aSignatureOverAnotherChallengeIsRefusedAndUsesUpTheChallengeItClaims() throws Exception {
        TestDevice device = device();
        Challenge signed = device.challenge();
        Challenge claimed = device.challenge();
        TokenRequest good = device.answerTo(signed);
        Http.Response r = device.answer(new TokenRequest(device.deviceId, claimed.challengeId(), good.signature()));
        assertEquals(401, r.status(), r.text());
        assertEquals(
                401,
                device.answer(device.answerTo(claimed)).status(),
                "a challenge is used up by a bad answer too: no second guess");
        assertEquals(200, device.answer(good).status(), "the challenge that was signed is untouched");
    }

    @Test
    void aSignatureByAnotherKeyIsRefused() throws Exception {
        TestDevice device = device();
        TestDevice neighbour = device();
        Http.Response byNeighbour = device.answer(device.answerTo(device.challenge(), neighbour.identity.getPrivate()));
        assertEquals(401, byNeighbour.status(), byNeighbour.text());
        Http.Response byStranger = device.answer(
                device.answerTo(device.challenge(), Keys.generate(Keys.ED25519).getPrivate()));
        assertEquals(401, byStranger.status(), byStranger.text());
    }

    @Test
    void anotherDeviceCannotAnswerOrUseUpADevicesChallenge() throws Exception {
        TestDevice device = device();
        TestDevice intruder = device();
        Challenge challenge = device.challenge();
        Http.Response stolen = intruder.answer(intruder.answerTo(challenge));
        assertEquals(401, stolen.status(), stolen.text());
        assertEquals(200, device.answer(device.answerTo(challenge)).status(), "the owner's challenge still works");
    }

    @Test
    void aChallengeIssuedBeforeRevocationWinsNoToken() throws Exception {
        TestDevice device = device();
        Challenge challenge = device.challenge();
        Http.Response revoke = http.postJson(
                "/api/v1/admin/devices/" + device.deviceId + "/revoke", portal.admin, Map.of("reason", "stolen"));
        assertEquals(200, revoke.status(), revoke.text());
        Http.Response r = device.answer(device.answerTo(challenge));
        assertEquals(403, r.status(), r.text());
        assertEquals("device_revoked", r.json().get("code").asText());
    }

    @Test
    void theChallengeAndTheTokenCarryOnlyDurationsNeverATime() throws Exception {
        TestDevice device = device();
        Http.Response challenge = http.postJson("/api/v1/device/challenge", null, Map.of("deviceId", device.deviceId));
        assertEquals(Set.of("challengeId", "expiresInSeconds", "nonce"), fields(challenge.json()));
        assertEquals(60, challenge.json().get("expiresInSeconds").asLong());
        Http.Response token = device.answer(device.answerTo(challenge.as(Challenge.class)));
        assertEquals(Set.of("expiresInSeconds", "token"), fields(token.json()));
        assertEquals(3600, token.json().get("expiresInSeconds").asLong());
    }

    @Test
    void aFloodOfChallengesForOneDeviceIsRefusedUntilTheyExpireAndTheDeviceStillGetsIn() throws Exception {
        TestDevice device = device();
        TestDevice other = device();
        Map<String, String> ask = Map.of("deviceId", device.deviceId);
        for (int i = 0; i < org.accesscentre.portal.security.DeviceAuth.MAX_OPEN_CHALLENGES; i++) {
            assertEquals(
                    200, http.postJson("/api/v1/device/challenge", null, ask).status(), "challenge " + i);
        }
        Http.Response refused = http.postJson("/api/v1/device/challenge", null, ask);
        assertEquals(429, refused.status(), refused.text());
        assertEquals("too_many_challenges", refused.json().get("code").asText());
        assertEquals("60", refused.headers().firstValue("Retry-After").orElse("(none)"));
        assertEquals(
                200,
                http.postJson("/api/v1/device/challenge", null, Map.of("deviceId", other.deviceId))
                        .status(),
                "another device is not held back");

        clock.advance(Duration.ofSeconds(61));
        Http.Response fresh = http.postJson("/api/v1/device/challenge", null, ask);
        assertEquals(200, fresh.status(), "expired challenges no longer count");
        assertEquals(
                200, device.answer(device.answerTo(fresh.as(Challenge.class))).status());
    }

    @Test
    void aDeviceWhoseClockIsDaysOffAuthenticatesAndSubmits() throws Exception {
        for (Duration off : List.of(Duration.ofDays(-5), Duration.ofDays(3))) {
            TestClock deviceClock = new TestClock(clock.instant().plus(off));
            TestDevice device = TestDevice.enrol(portal, "CAS", ++kiosk, deviceClock);
            device.authenticate();
            List<IngestItem> items = device.submit(5, new Random(kiosk));
            assertEquals(clock.instant().plus(off), items.getFirst().kioskTime(), "the item carries the kiosk's time");
            for (ItemResult r : device.sendOk(items).results()) {
                assertEquals(Outcome.ACCEPTED, r.outcome(), () -> off + ": " + r);
            }
        }
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
