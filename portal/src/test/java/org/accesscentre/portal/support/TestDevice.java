package org.accesscentre.portal.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.accesscentre.core.catalogue.Catalogue;
import org.accesscentre.core.catalogue.DemoCatalogue;
import org.accesscentre.core.catalogue.Service;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.core.seal.Sealer;
import org.accesscentre.core.store.OutboxItem;
import org.accesscentre.core.submission.Submitter;
import org.accesscentre.core.validation.Validator;
import org.accesscentre.core.wire.Challenge;
import org.accesscentre.core.wire.ChallengeSigning;
import org.accesscentre.core.wire.CommandResult;
import org.accesscentre.core.wire.DeviceEvent;
import org.accesscentre.core.wire.DeviceToken;
import org.accesscentre.core.wire.EnrolRequest;
import org.accesscentre.core.wire.EnrolResponse;
import org.accesscentre.core.wire.EventBatch;
import org.accesscentre.core.wire.Heartbeat;
import org.accesscentre.core.wire.HeartbeatReply;
import org.accesscentre.core.wire.IngestBatch;
import org.accesscentre.core.wire.IngestItem;
import org.accesscentre.core.wire.IngestResult;
import org.accesscentre.core.wire.TokenRequest;
import org.accesscentre.device.signing.Ed25519;
import org.accesscentre.testing.InMemoryStore;
import org.accesscentre.testing.RealisticAnswers;

/**
 * A kiosk as the portal sees it: it enrols with its own Ed25519 key, authenticates by signing challenges,
 * and sends batches of real sealed submissions made by the real submit path.
 */
public final class TestDevice {
    public final String deviceId;
    public final String centre;
    public final int kiosk;
    public final long sequenceFloor;
    public final KeyPair identity;
    private final TestPortal portal;
    private final InMemoryStore store = new InMemoryStore();
    private final Submitter submitter;
    private final Catalogue catalogue;
    private final Clock clock;
    private String token;

    private TestDevice(TestPortal portal, EnrolResponse enrolled, KeyPair identity, Clock clock, Catalogue catalogue)
            throws Exception {
        this.portal = portal;
        this.deviceId = enrolled.deviceId();
        this.centre = enrolled.centre();
        this.kiosk = enrolled.kiosk();
        this.sequenceFloor = enrolled.sequenceFloor();
        this.identity = identity;
        this.clock = clock;
        this.catalogue = catalogue;
        store.raiseSequenceFloor(sequenceFloor);
        this.submitter = new Submitter(
                store,
                new Sealer(portal.envelopeKey(), clock),
                new Validator(catalogue),
                clock,
                ZoneId.of("America/St_Lucia"),
                centre,
                kiosk);
    }

    public static TestDevice enrol(TestPortal portal, String centre, int kiosk, Clock clock) throws Exception {
        return enrol(portal, centre, kiosk, clock, DemoCatalogue.load());
    }

    /** A device whose forms come from {@code catalogue}: its submissions are sealed against that version. */
    public static TestDevice enrol(TestPortal portal, String centre, int kiosk, Clock clock, Catalogue catalogue)
            throws Exception {
        KeyPair identity = Keys.generate(Keys.ED25519);
        String code = portal.enrolmentCode(centre, kiosk);
        Http.Response r = portal.http.postJson(
                "/api/v1/enrol",
                null,
                new EnrolRequest(
                        code,
                        Keys.toBase64(identity.getPublic()),
                        Map.of("model", "Raspberry Pi 5", "serial", "test")));
        assertEquals(201, r.status(), r.text());
        return new TestDevice(portal, r.as(EnrolResponse.class), identity, clock, catalogue);
    }

    /** Signs a fresh challenge and keeps the token it wins. */
    public String authenticate() {
        Http.Response r = answer(answerTo(challenge()));
        assertEquals(200, r.status(), r.text());
        token = r.as(DeviceToken.class).token();
        return token;
    }

    /** This device's signed answer to a challenge, as it would send it. */
    public TokenRequest answerTo(Challenge ch) {
        return answerTo(ch, identity.getPrivate());
    }

    /** An answer to a challenge signed with any key: a forger's, or another device's. */
    public TokenRequest answerTo(Challenge ch, PrivateKey key) {
        byte[] message = ChallengeSigning.message(deviceId, ch.challengeId(), ch.nonce());
        return new TokenRequest(
                deviceId, ch.challengeId(), Base64.getEncoder().encodeToString(Ed25519.sign(key, message)));
    }

    /** Sends an answer to {@code /device/token} and returns the response as it is. */
    public Http.Response answer(TokenRequest request) {
        return portal.http.postJson("/api/v1/device/token", null, request);
    }

    public Challenge challenge() {
        Http.Response r = portal.http.postJson("/api/v1/device/challenge", null, Map.of("deviceId", deviceId));
        assertEquals(200, r.status(), r.text());
        return r.as(Challenge.class);
    }

    public String token() {
        return token == null ? authenticate() : token;
    }

    /** Submits {@code n} realistic requests through the real submit path and takes them as wire items. */
    public List<IngestItem> submit(int n, Random random) throws Exception {
        List<Service> services = catalogue.services();
        for (int i = 0; i < n; i++) {
            Service service = services.get(random.nextInt(services.size()));
            submitter.submit(
                    service,
                    RealisticAnswers.forService(
                            catalogue, service, random, LocalDate.now(clock.withZone(ZoneId.of("America/St_Lucia")))),
                    "en");
        }
        return store.takeBatch(n, Long.MAX_VALUE, clock.instant()).stream()
                .map(OutboxItem::toWire)
                .toList();
    }

    public Http.Response send(List<IngestItem> items) {
        return portal.http.postGzipJson("/api/v1/device/batches", token(), new IngestBatch(items));
    }

    public IngestResult sendOk(List<IngestItem> items) {
        Http.Response r = send(items);
        assertEquals(200, r.status(), r.text());
        return r.as(IngestResult.class);
    }

    /** Sends journal events, gzip-compressed, as the daemon does. */
    public Http.Response sendEvents(List<DeviceEvent> events) {
        return portal.http.postGzipJson("/api/v1/device/events", token(), new EventBatch(events));
    }

    /** A healthy heartbeat carrying confirmations of commands carried out. */
    public Heartbeat heartbeat(CommandResult... done) {
        return new Heartbeat(
                "1.4.0",
                catalogue.version(),
                0,
                0,
                0,
                0,
                12L << 30,
                48.5,
                "ok",
                0,
                null,
                clock.instant(),
                List.of(done));
    }

    public HeartbeatReply heartbeatOk(Heartbeat heartbeat) {
        Http.Response r = portal.http.postJson("/api/v1/device/heartbeat", token(), heartbeat);
        assertEquals(200, r.status(), r.text());
        return r.as(HeartbeatReply.class);
    }

    public Catalogue catalogue() {
        return catalogue;
    }
}
