package org.accesscentre.portal.security;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.accesscentre.portal.db.Database;
import org.jspecify.annotations.Nullable;

/**
 * People's API tokens. A token is {@code <id>.<secret>}: the id names it in listings and logs, the secret
 * is shown once at creation and stored only as its SHA-256.
 */
public final class ApiTokens {
    /** How often "last used" is written, at most: a read should not cost a write every time. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final Database db;
    private final Clock clock;

    public ApiTokens(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A token as listed: never its secret. */
    public record TokenInfo(
            String id,
            String name,
            Role role,
            @Nullable String agencyId,
            Instant createdAt,
            String createdBy,
            @Nullable Instant expiresAt,
            @Nullable Instant revokedAt,
            @Nullable Instant lastUsedAt) {}

    /** A new token: the one time its full text exists. */
    public record NewToken(String token, TokenInfo info) {}

    public NewToken create(
            String name, Role role, @Nullable String agencyId, @Nullable Instant expiresAt, String createdBy)
            throws SQLException {
        if ((role == Role.AGENCY_OFFICER) != (agencyId != null)) {
            throw new IllegalArgumentException("an agency officer's token names exactly one agency; other roles none");
        }
        String id = Secrets.id("tk");
        String secret = Secrets.token(32);
        Instant now = clock.instant();
        db.write(c -> {
            try (PreparedStatement st = c.prepareStatement("""
                    INSERT INTO api_token (id, name, role, agency_id, secret_hash, created_at, created_by, expires_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """)) {
                st.setString(1, id);
                st.setString(2, name);
                st.setString(3, role.wireName());
                st.setString(4, agencyId);
                st.setBytes(5, Secrets.sha256(secret));
                st.setLong(6, now.toEpochMilli());
                st.setString(7, createdBy);
                setInstant(st, 8, expiresAt);
                st.executeUpdate();
            }
            return null;
        });
        return new NewToken(
                id + "." + secret, new TokenInfo(id, name, role, agencyId, now, createdBy, expiresAt, null, null));
    }

    /** The person behind a bearer token, if it is known, unrevoked and unexpired. */
    public Optional<Principal.Person> authenticate(String token) throws SQLException {
        int dot = token.indexOf('.');
        if (dot <= 0 || dot == token.length() - 1 || token.length() > 200) {
            return Optional.empty();
        }
        String id = token.substring(0, dot);
        byte[] hash = Secrets.sha256(token.substring(dot + 1));
        Instant now = clock.instant();
        Optional<Principal.Person> person = db.read(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT name, role, agency_id, secret_hash, expires_at, revoked_at, last_used_at FROM api_token WHERE id = ?")) {
                st.setString(1, id);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()
                            || !Secrets.same(rs.getBytes("secret_hash"), hash)
                            || rs.getObject("revoked_at") != null) {
                        return Optional.<Principal.Person>empty();
                    }
                    long expires = rs.getLong("expires_at");
                    if (!rs.wasNull() && expires <= now.toEpochMilli()) {
                        return Optional.<Principal.Person>empty();
                    }
                    Role role = Role.fromWire(rs.getString("role")).orElseThrow();
                    return Optional.of(new Principal.Person(id, rs.getString("name"), role, rs.getString("agency_id")));
                }
            }
        });
        if (person.isPresent()) {
            touch(id, now);
        }
        return person;
    }

    private void touch(String id, Instant now) throws SQLException {
        db.read(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "UPDATE api_token SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)")) {
                st.setLong(1, now.toEpochMilli());
                st.setString(2, id);
                st.setLong(3, now.minus(LAST_USED_RESOLUTION).toEpochMilli());
                return st.executeUpdate();
            }
        });
    }

    public List<TokenInfo> list() throws SQLException {
        return db.read(c -> {
            List<TokenInfo> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("""
                    SELECT id, name, role, agency_id, created_at, created_by, expires_at, revoked_at, last_used_at
                    FROM api_token ORDER BY created_at, id
                    """);
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new TokenInfo(
                            rs.getString("id"),
                            rs.getString("name"),
                            Role.fromWire(rs.getString("role")).orElseThrow(),
                            rs.getString("agency_id"),
                            Instant.ofEpochMilli(rs.getLong("created_at")),
                            rs.getString("created_by"),
                            instant(rs, "expires_at"),
                            instant(rs, "revoked_at"),
                            instant(rs, "last_used_at")));
                }
            }
            return out;
        });
    }

    /** Revokes a token; true if it existed and was not revoked already. */
    public boolean revoke(String id) throws SQLException {
        Instant now = clock.instant();
        return db.write(c -> {
            try (PreparedStatement st =
                    c.prepareStatement("UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
                st.setLong(1, now.toEpochMilli());
                st.setString(2, id);
                return st.executeUpdate() == 1;
            }
        });
    }

    /** Whether any ICT admin token exists, revoked or not: bootstrap runs once. */
    public boolean anyAdmin() throws SQLException {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM api_token WHERE role = 'ict_admin'");
                    ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        });
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    static void setInstant(PreparedStatement st, int index, @Nullable Instant value) throws SQLException {
        if (value == null) {
            st.setNull(index, java.sql.Types.BIGINT);
        } else {
            st.setLong(index, value.toEpochMilli());
        }
    }
}
