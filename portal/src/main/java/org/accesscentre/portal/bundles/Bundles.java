package org.accesscentre.portal.bundles;

import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.accesscentre.core.keys.KeyFormatException;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.device.bundle.BundleKind;
import org.accesscentre.device.bundle.Manifest;
import org.accesscentre.portal.db.Database;
import org.accesscentre.portal.http.ApiException;
import org.accesscentre.portal.security.Secrets;
import org.jspecify.annotations.Nullable;

/** Publishing bundles, the keys they must be signed with, and what each device should run. */
public final class Bundles {
    public static final long MAX_BUNDLE_BYTES = 256L << 20;

    private final Database db;
    private final Path scratch;
    private final Clock clock;

    public Bundles(Database db, Path scratch, Clock clock) {
        this.db = db;
        this.scratch = scratch;
        this.clock = clock;
    }

    public record Published(
            long id,
            String kind,
            long version,
            String target,
            long minAppVersion,
            String sha256,
            long size,
            String signedBy,
            Instant publishedAt,
            String publishedBy) {}

    /** A bundle's bytes, for a device to fetch. The SHA-256 is its ETag. */
    public record Content(String kind, long version, String sha256, byte[] bytes) {}

    public record SigningKey(
            String keyId, String publicKey, @Nullable String label, Instant addedAt, String addedBy) {}

    public SigningKey addSigningKey(String publicKeyBase64, @Nullable String label, String addedBy)
            throws SQLException {
        PublicKey key;
        try {
            key = Keys.publicFromBase64(publicKeyBase64, Keys.ED25519);
        } catch (KeyFormatException e) {
            throw ApiException.badRequest(
                    "invalid_public_key", "publicKey must be an Ed25519 key, base64 of its X.509 encoding");
        }
        SigningKey added = new SigningKey(Keys.keyId(key), Keys.toBase64(key), label, clock.instant(), addedBy);
        db.write(c -> {
            try (PreparedStatement st = c.prepareStatement("""
                    INSERT INTO signing_key (key_id, public_key, label, added_at, added_by) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (key_id) DO NOTHING
                    """)) {
                st.setString(1, added.keyId());
                st.setString(2, added.publicKey());
                st.setString(3, label);
                st.setLong(4, added.addedAt().toEpochMilli());
                st.setString(5, addedBy);
                st.executeUpdate();
            }
            return null;
        });
        return added;
    }

    public List<SigningKey> signingKeys() throws SQLException {
        return db.read(c -> {
            List<SigningKey> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(
                            "SELECT key_id, public_key, label, added_at, added_by FROM signing_key ORDER BY added_at");
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new SigningKey(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            Instant.ofEpochMilli(rs.getLong(4)),
                            rs.getString(5)));
                }
            }
            return out;
        });
    }

    /** The keys bundles and signed orders must be signed with, as keys. */
    public List<PublicKey> trustedKeys() throws SQLException {
        List<PublicKey> trusted = new ArrayList<>();
        for (SigningKey k : signingKeys()) {
            try {
                trusted.add(Keys.publicFromBase64(k.publicKey(), Keys.ED25519));
            } catch (KeyFormatException e) {
                throw new IllegalStateException("a stored signing key is unreadable", e);
            }
        }
        return trusted;
    }

    /**
     * Verifies a bundle against the trusted keys and publishes it for a target. Its version must be above
     * every version of its kind already published for that target; a catalogue is for every device, and its
     * version is also the catalogue's own.
     */
    public Published publish(byte[] bytes, Target target, String publishedBy) throws SQLException {
        List<PublicKey> trusted = trustedKeys();
        if (trusted.isEmpty()) {
            throw ApiException.conflict(
                    "no_signing_keys", "the portal trusts no signing key yet; add the ICT office's key first");
        }
        PublishCheck.Verified v = PublishCheck.verify(bytes, trusted, scratch);
        Manifest m = v.manifest();
        // One catalogue and one line of releases for the fleet: who gets a release is the rollout's target.
        if ((v.kind() == BundleKind.CATALOGUE || v.kind() == BundleKind.RELEASE) && !target.equals(Target.ALL)) {
            throw ApiException.badRequest(
                    "invalid_target", "a " + v.kind().jsonName() + " is published for every device (target all)");
        }
        Instant now = clock.instant();
        String sha256 = HexFormat.of().formatHex(Secrets.sha256(bytes));
        return db.write(c -> {
            db.lock(c, "bundle:" + v.kind().jsonName() + ":" + target.value());
            long newest = newestVersion(c, v.kind().jsonName(), target.value());
            if (m.version() <= newest) {
                throw ApiException.conflict(
                        "version_not_newer",
                        v.kind().jsonName() + " version " + m.version() + " is not newer than version " + newest
                                + " already published for " + target.value());
            }
            long id;
            try (PreparedStatement st = c.prepareStatement("""
                    INSERT INTO bundle (kind, version, target, min_app_version, sha256, size, content, signed_by,
                        published_at, published_by, min_catalogue_version, min_config_version)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    RETURNING id
                    """)) {
                st.setString(1, v.kind().jsonName());
                st.setLong(2, m.version());
                st.setString(3, target.value());
                st.setLong(4, m.minAppVersion());
                st.setString(5, sha256);
                st.setLong(6, bytes.length);
                st.setBytes(7, bytes);
                st.setString(8, v.signedBy());
                st.setLong(9, now.toEpochMilli());
                st.setString(10, publishedBy);
                st.setLong(11, v.minCatalogueVersion());
                st.setLong(12, v.minConfigVersion());
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            if (v.kind() == BundleKind.CATALOGUE) {
                try (PreparedStatement st =
                        c.prepareStatement("INSERT INTO catalogue (version, content, published_at) VALUES (?, ?, ?)")) {
                    st.setLong(1, m.version());
                    st.setBytes(2, v.catalogueJson());
                    st.setLong(3, now.toEpochMilli());
                    st.executeUpdate();
                }
            }
            return new Published(
                    id,
                    v.kind().jsonName(),
                    m.version(),
                    target.value(),
                    m.minAppVersion(),
                    sha256,
                    bytes.length,
                    v.signedBy(),
                    now,
                    publishedBy);
        });
    }

    private static long newestVersion(Connection c, String kind, String target) throws SQLException {
        try (PreparedStatement st =
                c.prepareStatement("SELECT COALESCE(MAX(version), 0) FROM bundle WHERE kind = ? AND target = ?")) {
            st.setString(1, kind);
            st.setString(2, target);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Bundles a device gets only through a rollout: while a rollout of a kind is active, its bundle and every
     * one of that kind published after it wait for it; an aborted rollout's bundles are withdrawn from the
     * devices it never reached (unless a completed rollout took them everywhere since).
     */
    private static final String HELD_BACK = """
            AND NOT EXISTS (SELECT 1 FROM rollout r WHERE r.kind = bundle.kind
                            AND r.state IN ('running', 'paused', 'halted') AND bundle.id >= r.first_bundle_id)
            AND NOT EXISTS (SELECT 1 FROM rollout_bundle rb JOIN rollout r ON r.id = rb.rollout_id
                            WHERE rb.bundle_id = bundle.id AND r.state = 'aborted'
                            AND NOT EXISTS (SELECT 1 FROM rollout_bundle rb2 JOIN rollout r2 ON r2.id = rb2.rollout_id
                                            WHERE rb2.bundle_id = bundle.id AND r2.state = 'completed'))
            """;

    /** One bundle's bytes by its id, for a device a rollout offers it to. */
    public Optional<Content> content(long id) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement st =
                    c.prepareStatement("SELECT kind, version, sha256, content FROM bundle WHERE id = ?")) {
                st.setLong(1, id);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new Content(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getBytes(4)))
                            : Optional.<Content>empty();
                }
            }
        });
    }

    /**
     * Part of a bundle's bytes, for a device resuming a download: only that part leaves the database. Both
     * databases count from 1 and read bytes, not characters, from a BLOB or bytea.
     */
    public Optional<byte[]> slice(long id, long offset, long length) throws SQLException {
        if (offset < 0 || length < 1 || offset + length > MAX_BUNDLE_BYTES) {
            throw new IllegalArgumentException("no such part of a bundle: " + offset + "+" + length);
        }
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT substr(content, ?, ?) FROM bundle WHERE id = ?")) {
                st.setInt(1, (int) offset + 1);
                st.setInt(2, (int) length);
                st.setLong(3, id);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.<byte[]>empty();
                }
            }
        });
    }

    /**
     * The bundle of a kind a device should have, outside any rollout: its own, else its centre's, else
     * everyone's, newest first, leaving out those held back for a rollout.
     */
    public Optional<Content> currentFor(String kind, String deviceId, String centre) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("""
                    SELECT kind, version, sha256, content FROM bundle
                    WHERE kind = ? AND target IN (?, ?, 'all')
                    """ + HELD_BACK + """
                    ORDER BY CASE WHEN target = ? THEN 0 WHEN target = ? THEN 1 ELSE 2 END, version DESC
                    LIMIT 1
                    """)) {
                String device = Target.device(deviceId).value();
                String ctr = Target.centre(centre).value();
                st.setString(1, kind);
                st.setString(2, device);
                st.setString(3, ctr);
                st.setString(4, device);
                st.setString(5, ctr);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new Content(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getBytes(4)))
                            : Optional.<Content>empty();
                }
            }
        });
    }

    /** The version of a kind a device should have, without its bytes; 0 when none is published. */
    public long currentVersionFor(String kind, String deviceId, String centre) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("""
                    SELECT version FROM bundle
                    WHERE kind = ? AND target IN (?, ?, 'all')
                    """ + HELD_BACK + """
                    ORDER BY CASE WHEN target = ? THEN 0 WHEN target = ? THEN 1 ELSE 2 END, version DESC
                    LIMIT 1
                    """)) {
                String device = Target.device(deviceId).value();
                String ctr = Target.centre(centre).value();
                st.setString(1, kind);
                st.setString(2, device);
                st.setString(3, ctr);
                st.setString(4, device);
                st.setString(5, ctr);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    public List<Published> list() throws SQLException {
        return db.read(c -> {
            List<Published> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("""
                            SELECT id, kind, version, target, min_app_version, sha256, size, signed_by, published_at, published_by
                            FROM bundle ORDER BY id
                            """);
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Published(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getLong(3),
                            rs.getString(4),
                            rs.getLong(5),
                            rs.getString(6),
                            rs.getLong(7),
                            rs.getString(8),
                            Instant.ofEpochMilli(rs.getLong(9)),
                            rs.getString(10)));
                }
            }
            return out;
        });
    }
}
