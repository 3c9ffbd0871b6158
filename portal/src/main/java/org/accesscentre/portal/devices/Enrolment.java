package org.accesscentre.portal.devices;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.accesscentre.core.json.Json;
import org.accesscentre.core.keys.KeyFormatException;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.core.reference.ReferenceNumber;
import org.accesscentre.core.wire.EnrolRequest;
import org.accesscentre.core.wire.EnrolResponse;
import org.accesscentre.portal.db.Database;
import org.accesscentre.portal.http.ApiException;
import org.accesscentre.portal.security.Secrets;

/**
 * Enrolment with one-time codes. The ICT office makes a code for a centre and kiosk number; the kiosk
 * presents it with the public half of the identity key it just made, once, before the code expires. A new
 * device in a slot retires the one that was there, so two devices never issue the same reference numbers,
 * and it learns the highest sequence number the portal has seen for the slot, to continue above it.
 */
public final class Enrolment {
    public static final Duration DEFAULT_CODE_TTL = Duration.ofDays(7);
    private static final int MAX_HARDWARE_FACTS = 20;

    private final Database db;
    private final Clock clock;

    public Enrolment(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public record NewCode(String code, String centre, int kiosk, Instant expiresAt) {}

    public NewCode createCode(String centre, int kiosk, Duration ttl, String createdBy) throws SQLException {
        if (!ReferenceNumber.isValidCentre(centre)) {
            throw ApiException.badRequest("invalid_centre", "a centre code is 3 upper-case letters, such as SOU");
        }
        if (kiosk < 1 || kiosk > 99) {
            throw ApiException.badRequest("invalid_kiosk", "a kiosk number is from 1 to 99");
        }
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(Duration.ofDays(90)) > 0) {
            throw ApiException.badRequest("invalid_ttl", "a code lasts from a minute to 90 days");
        }
        String code = Secrets.readableCode(3);
        Instant now = clock.instant();
        Instant expires = now.plus(ttl);
        db.write(c -> {
            try (PreparedStatement st = c.prepareStatement("""
                    INSERT INTO enrolment_code (code_hash, centre, kiosk, created_at, created_by, expires_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """)) {
                st.setBytes(1, Secrets.sha256(normalize(code)));
                st.setString(2, centre);
                st.setInt(3, kiosk);
                st.setLong(4, now.toEpochMilli());
                st.setString(5, createdBy);
                st.setLong(6, expires.toEpochMilli());
                st.executeUpdate();
            }
            return null;
        });
        return new NewCode(code, centre, kiosk, expires);
    }

    public EnrolResponse enrol(EnrolRequest request) throws SQLException {
        if (request.code() == null || request.publicKey() == null) {
            throw ApiException.badRequest("invalid_request", "code and publicKey are required");
        }
        PublicKey key;
        try {
            key = Keys.publicFromBase64(request.publicKey(), Keys.ED25519);
        } catch (KeyFormatException e) {
            throw ApiException.badRequest(
                    "invalid_public_key", "publicKey must be an Ed25519 key, base64 of its X.509 encoding");
        }
        String hardware = hardwareJson(request.hardware());
        Instant now = clock.instant();
        String deviceId = Secrets.id("dev");
        Optional<EnrolResponse> response = db.write(c -> {
            Optional<Slot> slot = useCode(c, normalize(request.code()), deviceId, now);
            if (slot.isEmpty()) {
                return answeredBefore(c, normalize(request.code()), key, now);
            }
            String centre = slot.get().centre();
            int kiosk = slot.get().kiosk();
            db.lock(c, "slot:" + centre + "-" + kiosk);
            try (PreparedStatement st = c.prepareStatement("""
                    UPDATE device SET revoked_at = ?, revoked_reason = ?
                    WHERE centre = ? AND kiosk = ? AND revoked_at IS NULL
                    """)) {
                st.setLong(1, now.toEpochMilli());
                st.setString(2, "replaced by " + deviceId);
                st.setString(3, centre);
                st.setInt(4, kiosk);
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("""
                    INSERT INTO device (id, centre, kiosk, public_key, key_id, hardware, enrolled_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """)) {
                st.setString(1, deviceId);
                st.setString(2, centre);
                st.setInt(3, kiosk);
                st.setString(4, Keys.toBase64(key));
                st.setString(5, Keys.keyId(key));
                st.setString(6, hardware);
                st.setLong(7, now.toEpochMilli());
                st.executeUpdate();
            }
            try (PreparedStatement st =
                    c.prepareStatement("UPDATE enrolment_code SET device_id = ? WHERE code_hash = ?")) {
                st.setString(1, deviceId);
                st.setBytes(2, Secrets.sha256(normalize(request.code())));
                st.executeUpdate();
            }
            return Optional.of(new EnrolResponse(deviceId, centre, kiosk, highestSequence(c, centre, kiosk)));
        });
        // One answer for unknown, used and expired codes: the endpoint must not tell a guesser which it was.
        return response.orElseThrow(
                () -> new ApiException(403, "invalid_code", "this enrolment code is unknown, used or expired"));
    }

    private record Slot(String centre, int kiosk) {}

    /** How long a kiosk whose answer was lost may present its used code again. */
    static final Duration RETRY_WINDOW = Duration.ofDays(1);

    /**
     * The same key presenting the code it already enrolled with: the first answer was lost on the way (a
     * rural link drops responses). It gets the same enrolment again, so a lost answer never strands a kiosk;
     * any other key gets the refusal a used code gets.
     */
    private Optional<EnrolResponse> answeredBefore(Connection c, String code, PublicKey key, Instant now)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                SELECT d.id, d.centre, d.kiosk
                FROM enrolment_code ec JOIN device d ON d.id = ec.device_id
                WHERE ec.code_hash = ? AND d.public_key = ? AND d.revoked_at IS NULL AND ec.used_at > ?
                """)) {
            st.setBytes(1, Secrets.sha256(code));
            st.setString(2, Keys.toBase64(key));
            st.setLong(3, now.minus(RETRY_WINDOW).toEpochMilli());
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String centre = rs.getString(2);
                int kiosk = rs.getInt(3);
                return Optional.of(
                        new EnrolResponse(rs.getString(1), centre, kiosk, highestSequence(c, centre, kiosk)));
            }
        }
    }

    private static Optional<Slot> useCode(Connection c, String code, String deviceId, Instant now) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                UPDATE enrolment_code SET used_at = ?
                WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?
                RETURNING centre, kiosk
                """)) {
            st.setLong(1, now.toEpochMilli());
            st.setBytes(2, Secrets.sha256(code));
            st.setLong(3, now.toEpochMilli());
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(new Slot(rs.getString(1), rs.getInt(2))) : Optional.empty();
            }
        }
    }

    private static long highestSequence(Connection c, String centre, int kiosk) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "SELECT COALESCE(MAX(sequence), 0) FROM submission WHERE centre = ? AND kiosk = ?")) {
            st.setString(1, centre);
            st.setInt(2, kiosk);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Codes are compared without case, spaces or dashes: people type them. */
    static String normalize(String code) {
        return code.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
    }

    private static String hardwareJson(Map<String, String> facts) {
        if (facts.size() > MAX_HARDWARE_FACTS) {
            throw ApiException.badRequest("invalid_hardware", "at most " + MAX_HARDWARE_FACTS + " hardware facts");
        }
        for (var e : facts.entrySet()) {
            if (e.getKey() == null
                    || e.getKey().length() > 40
                    || e.getValue() == null
                    || e.getValue().length() > 200) {
                throw ApiException.badRequest(
                        "invalid_hardware", "hardware facts are names up to 40 characters with values up to 200");
            }
        }
        try {
            return Json.wire().writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
