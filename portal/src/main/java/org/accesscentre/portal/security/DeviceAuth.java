package org.accesscentre.portal.security;

import java.security.PublicKey;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.accesscentre.core.keys.KeyFormatException;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.core.wire.Challenge;
import org.accesscentre.core.wire.ChallengeSigning;
import org.accesscentre.core.wire.DeviceToken;
import org.accesscentre.device.signing.Ed25519;
import org.accesscentre.portal.db.Database;
import org.accesscentre.portal.http.ApiException;

/**
 * Device authentication: the portal hands out a one-time challenge, the device signs it with its Ed25519
 * key, and gets a bearer token for an hour. A challenge can be answered once, within a minute by the
 * portal's clock; the device is only ever told durations, so its own clock being days off does not matter.
 * A replayed answer finds its challenge used.
 */
public final class DeviceAuth {
    public static final Duration CHALLENGE_TTL = Duration.ofSeconds(60);
    public static final Duration TOKEN_TTL = Duration.ofHours(1);
    /**
     * Challenges a device may have open (unanswered, unexpired) at once. A daemon asks for one at a time; the
     * route is public, so without a bound anyone who learnt a device id could make the portal write rows
     * as fast as it can answer.
     */
    public static final int MAX_OPEN_CHALLENGES = 8;

    private static final String TOKEN_PREFIX = "dvt.";

    private final Database db;
    private final Clock clock;

    public DeviceAuth(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Challenge challenge(String deviceId) throws SQLException {
        requireActive(deviceId);
        String id = Secrets.id("ch");
        byte[] nonce = Secrets.randomBytes(32);
        Instant now = clock.instant();
        db.write(c -> {
            db.lock(c, "challenges:" + deviceId); // two at once cannot both count seven and make nine
            try (PreparedStatement st = c.prepareStatement("""
                    SELECT COUNT(*) FROM auth_challenge WHERE device_id = ? AND used_at IS NULL AND expires_at > ?
                    """)) {
                st.setString(1, deviceId);
                st.setLong(2, now.toEpochMilli());
                try (var rs = st.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) >= MAX_OPEN_CHALLENGES) {
                        throw new ApiException(
                                429,
                                "too_many_challenges",
                                "this device has " + MAX_OPEN_CHALLENGES + " challenges open; answer one, or ask again"
                                        + " when they expire (" + CHALLENGE_TTL.toSeconds() + " s)");
                    }
                }
            }
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO auth_challenge (id, device_id, nonce, expires_at) VALUES (?, ?, ?, ?)")) {
                st.setString(1, id);
                st.setString(2, deviceId);
                st.setBytes(3, nonce);
                st.setLong(4, now.plus(CHALLENGE_TTL).toEpochMilli());
                st.executeUpdate();
            }
            // Old challenges and tokens of this device are of no further use.
            try (PreparedStatement st =
                    c.prepareStatement("DELETE FROM auth_challenge WHERE device_id = ? AND expires_at < ?")) {
                st.setString(1, deviceId);
                st.setLong(2, now.minus(Duration.ofHours(1)).toEpochMilli());
                st.executeUpdate();
            }
            return null;
        });
        return new Challenge(id, Base64.getEncoder().encodeToString(nonce), CHALLENGE_TTL.toSeconds());
    }

    /** Exchanges a signed challenge for a token. The challenge is used up whether the signature is good or not. */
    public DeviceToken token(String deviceId, String challengeId, String signatureBase64) throws SQLException {
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(signatureBase64);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_signature", "signature is not base64");
        }
        Instant now = clock.instant();
        Optional<byte[]> nonce = db.write(c -> {
            try (PreparedStatement st = c.prepareStatement("""
                    UPDATE auth_challenge SET used_at = ?
                    WHERE id = ? AND device_id = ? AND used_at IS NULL AND expires_at > ?
                    RETURNING nonce
                    """)) {
                st.setLong(1, now.toEpochMilli());
                st.setString(2, challengeId);
                st.setString(3, deviceId);
                st.setLong(4, now.toEpochMilli());
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.<byte[]>empty();
                }
            }
        });
        if (nonce.isEmpty()) {
            throw ApiException.unauthorized("the challenge is unknown, already used or expired; ask for a new one");
        }
        PublicKey key = requireActive(deviceId);
        byte[] message = ChallengeSigning.message(
                deviceId, challengeId, Base64.getEncoder().encodeToString(nonce.get()));
        if (!Ed25519.verify(key, message, signature)) {
            throw ApiException.unauthorized("the signature does not match this device's key");
        }
        String token = TOKEN_PREFIX + Secrets.token(32);
        db.write(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO device_token (token_hash, device_id, expires_at) VALUES (?, ?, ?)")) {
                st.setBytes(1, Secrets.sha256(token));
                st.setString(2, deviceId);
                st.setLong(3, now.plus(TOKEN_TTL).toEpochMilli());
                st.executeUpdate();
            }
            try (PreparedStatement st =
                    c.prepareStatement("DELETE FROM device_token WHERE device_id = ? AND expires_at < ?")) {
                st.setString(1, deviceId);
                st.setLong(2, now.toEpochMilli());
                st.executeUpdate();
            }
            return null;
        });
        return new DeviceToken(token, TOKEN_TTL.toSeconds());
    }

    /** The device behind a bearer token, if the token is unexpired and the device not revoked. */
    public Optional<Principal.Device> authenticate(String token) throws SQLException {
        if (!token.startsWith(TOKEN_PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        long now = clock.millis();
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("""
                    SELECT d.id, d.centre, d.kiosk FROM device_token t JOIN device d ON d.id = t.device_id
                    WHERE t.token_hash = ? AND t.expires_at > ? AND d.revoked_at IS NULL
                    """)) {
                st.setBytes(1, Secrets.sha256(token));
                st.setLong(2, now);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new Principal.Device(rs.getString(1), rs.getString(2), rs.getInt(3)))
                            : Optional.<Principal.Device>empty();
                }
            }
        });
    }

    /** The device's public key; refuses an unknown device (404) or a revoked one (403). */
    private PublicKey requireActive(String deviceId) throws SQLException {
        record Row(String key, boolean revoked) {}
        Optional<Row> row = db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT public_key, revoked_at FROM device WHERE id = ?")) {
                st.setString(1, deviceId);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new Row(rs.getString(1), rs.getObject(2) != null))
                            : Optional.<Row>empty();
                }
            }
        });
        if (row.isEmpty()) {
            throw ApiException.notFound("device " + deviceId);
        }
        if (row.get().revoked()) {
            throw new ApiException(403, "device_revoked", "this device has been revoked by the ICT office");
        }
        try {
            return Keys.publicFromBase64(row.get().key(), Keys.ED25519);
        } catch (KeyFormatException e) {
            throw new IllegalStateException("a stored device key is unreadable: " + deviceId, e);
        }
    }
}
