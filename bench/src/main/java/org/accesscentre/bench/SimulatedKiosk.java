package org.accesscentre.bench;

import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.accesscentre.core.catalogue.Catalogue;
import org.accesscentre.core.catalogue.Service;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.core.seal.Sealer;
import org.accesscentre.core.store.OutboxItem;
import org.accesscentre.core.submission.Submitter;
import org.accesscentre.core.validation.Validator;
import org.accesscentre.core.wire.Challenge;
import org.accesscentre.core.wire.ChallengeSigning;
import org.accesscentre.core.wire.DeviceToken;
import org.accesscentre.core.wire.EnrolRequest;
import org.accesscentre.core.wire.EnrolResponse;
import org.accesscentre.core.wire.IngestItem;
import org.accesscentre.core.wire.TokenRequest;
import org.accesscentre.device.signing.Ed25519;
import org.accesscentre.portal.security.Principal;
import org.accesscentre.testing.InMemoryStore;
import org.accesscentre.testing.RealisticAnswers;

/**
 * One kiosk as the portal sees it: enrolled through the API with its own Ed25519 key, holding a device token
 * won by signing a challenge, and with a backlog of realistic requests made by the real submit path.
 */
final class SimulatedKiosk {
    static final ZoneId ZONE = ZoneId.of("America/St_Lucia");

    final String deviceId;
    final String centre;
    final int kiosk;
    final String token;

    private SimulatedKiosk(String deviceId, String centre, int kiosk, String token) {
        this.deviceId = deviceId;
        this.centre = centre;
        this.kiosk = kiosk;
        this.token = token;
    }

    /** Enrols through the admin and enrolment APIs, then authenticates by signing a challenge. */
    static SimulatedKiosk enrol(BenchPortal portal, String centre, int kiosk) {
        KeyPair identity = Keys.generate(Keys.ED25519);
        EnrolResponse enrolled = portal.http
                .postJson(
                        "/api/v1/enrol",
                        null,
                        new EnrolRequest(
                                portal.enrolmentCode(centre, kiosk),
                                Keys.toBase64(identity.getPublic()),
                                Map.of("model", "Raspberry Pi 5", "serial", "bench-" + centre + kiosk)))
                .expect(201, "POST /api/v1/enrol")
                .as(EnrolResponse.class);
        Challenge ch = portal.http
                .postJson("/api/v1/device/challenge", null, Map.of("deviceId", enrolled.deviceId()))
                .expect(200, "POST /api/v1/device/challenge")
                .as(Challenge.class);
        byte[] message = ChallengeSigning.message(enrolled.deviceId(), ch.challengeId(), ch.nonce());
        String signature = Base64.getEncoder().encodeToString(Ed25519.sign(identity.getPrivate(), message));
        DeviceToken token = portal.http
                .postJson(
                        "/api/v1/device/token",
                        null,
                        new TokenRequest(enrolled.deviceId(), ch.challengeId(), signature))
                .expect(200, "POST /api/v1/device/token")
                .as(DeviceToken.class);
        return new SimulatedKiosk(enrolled.deviceId(), enrolled.centre(), enrolled.kiosk(), token.token());
    }

    Principal.Device principal() {
        return new Principal.Device(deviceId, centre, kiosk);
    }

    /**
     * A backlog of {@code count} requests over all the demo services, submitted through the real
     * {@link Submitter} into an in-memory outbox, {@code pace} apart by the kiosk's clock and ending now, and
     * taken from the outbox as the sync daemon sends them. The pace decides the sealing: a request made more
     * than {@link Sealer#MAX_AGE} after the previous one gets its own ephemeral key, as nearly all do at a
     * real kiosk; a burst shares one key among up to {@link Sealer#MAX_USES} envelopes.
     */
    List<IngestItem> backlog(
            Catalogue catalogue, PublicKey envelopeKey, int count, Duration pace, Random random, Instant end)
            throws Exception {
        SteppingClock clock = new SteppingClock(end.minus(pace.multipliedBy(count)));
        InMemoryStore store = new InMemoryStore();
        Submitter submitter = new Submitter(
                store, new Sealer(envelopeKey, clock), new Validator(catalogue), clock, ZONE, centre, kiosk);
        List<Service> services = catalogue.services();
        for (int i = 0; i < count; i++) {
            clock.advance(pace);
            Service service = services.get(random.nextInt(services.size()));
            LocalDate today = LocalDate.ofInstant(clock.instant(), ZONE);
            submitter.submit(service, RealisticAnswers.forService(catalogue, service, random, today), "en");
        }
        return store.takeBatch(count, Long.MAX_VALUE, clock.instant()).stream()
                .map(OutboxItem::toWire)
                .toList();
    }

    /** The kiosk's clock, moved by hand from one request to the next. */
    private static final class SteppingClock extends Clock {
        private Instant now;

        SteppingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the kiosk's clock has one zone");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
