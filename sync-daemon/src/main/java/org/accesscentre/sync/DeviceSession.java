package org.accesscentre.sync;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import okhttp3.Headers;
import org.accesscentre.core.wire.Challenge;
import org.accesscentre.core.wire.ChallengeSigning;
import org.accesscentre.core.wire.DeviceToken;
import org.accesscentre.core.wire.TokenRequest;
import org.accesscentre.device.identity.DeviceIdentity;
import org.accesscentre.sync.net.Failure;
import org.accesscentre.sync.net.PortalClient;
import org.accesscentre.sync.net.PortalException;
import org.accesscentre.sync.release.ReleaseJob;
import org.jspecify.annotations.Nullable;

/**
 * The device's token: won by signing a challenge, used until a minute before it expires, and won again
 * once when the portal says 401. The expiry is counted from when the token arrived, as a duration, so the
 * kiosk's clock being wrong does not matter.
 */
final class DeviceSession {
    private static final Duration MARGIN = Duration.ofMinutes(1);

    @FunctionalInterface
    interface Call<T> {
        T run(String token) throws PortalException;
    }

    private final PortalClient client;
    private final DeviceIdentity identity;
    private final String deviceId;
    private final KioskTime time;
    private @Nullable String token;
    private Instant renewAt = Instant.EPOCH;

    DeviceSession(PortalClient client, DeviceIdentity identity, String deviceId, KioskTime time) {
        this.client = client;
        this.identity = identity;
        this.deviceId = deviceId;
        this.time = time;
    }

    <T> T call(Call<T> call) throws PortalException {
        try {
            return call.run(token());
        } catch (PortalException e) {
            if (e.failure().kind() != Failure.Kind.UNAUTHORIZED) {
                throw e;
            }
            token = null;
            return call.run(token());
        }
    }

    /** The token for a caller that makes its own requests: the release download. */
    ReleaseJob.Tokens asTokens(PortalClient client) {
        return new ReleaseJob.Tokens() {
            @Override
            public Headers headers() throws IOException {
                try {
                    return client.deviceHeaders(token());
                } catch (PortalException e) {
                    throw new IOException(e.failure().reason(), e);
                }
            }

            @Override
            public void expired() {
                forget();
            }
        };
    }

    /** The portal refused the token outside {@link #call}: the next call signs in again. */
    void forget() {
        token = null;
    }

    String token() throws PortalException {
        Instant now = time.now();
        if (token != null && now.isBefore(renewAt)) {
            return token;
        }
        DeviceToken won;
        try {
            Challenge challenge = client.challenge(deviceId);
            byte[] signature =
                    identity.sign(ChallengeSigning.message(deviceId, challenge.challengeId(), challenge.nonce()));
            won = client.token(new TokenRequest(
                    deviceId, challenge.challengeId(), Base64.getEncoder().encodeToString(signature)));
        } catch (PortalException e) {
            throw signInFailed(e);
        }
        token = won.token();
        renewAt = now.plus(Duration.ofSeconds(won.expiresInSeconds())).minus(MARGIN);
        return token;
    }

    /**
     * A refusal of the sign-in is about the sign-in, never about what the caller was about to send: a batch
     * must not be refused for good because a challenge was. It stays "unauthorized", which every job retries.
     */
    private static PortalException signInFailed(PortalException e) {
        Failure f = e.failure();
        if (f.kind() != Failure.Kind.REFUSED && f.kind() != Failure.Kind.TOO_LARGE) {
            return e;
        }
        return new PortalException(
                new Failure(
                        Failure.Kind.UNAUTHORIZED,
                        "this kiosk could not sign in: " + f.reason(),
                        null,
                        f.status(),
                        f.code()),
                e);
    }
}
