package org.accesscentre.portal.fleet;

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

/** What the ICT office sees of each device, and revoking one. */
public final class Fleet {
    private final Database db;
    private final Clock clock;
    private final Duration overdueAfter;

    /** @param overdueAfter silence after which a device is shown as overdue rather than online */
    public Fleet(Database db, Clock clock, Duration overdueAfter) {
        this.db = db;
        this.clock = clock;
        this.overdueAfter = overdueAfter;
    }

    public record DeviceView(
            String deviceId,
            String centre,
            int kiosk,
            Instant enrolledAt,
            @Nullable Instant revokedAt,
            @Nullable String revokedReason,
            @Nullable Instant lastSeenAt,
            String state,
            @Nullable String appVersion,
            @Nullable Long catalogueVersion,
            @Nullable Long configVersion,
            @Nullable Integer queueDepth,
            @Nullable Long oldestUnsentSeconds,
            @Nullable Long bytesWaiting,
            @Nullable Long diskFreeBytes,
            @Nullable Double temperatureCelsius,
            @Nullable String printerState,
            @Nullable Long clockOffsetMillis,
            @Nullable String lastError) {}

    private static final String SELECT = """
            SELECT d.id, d.centre, d.kiosk, d.enrolled_at, d.revoked_at, d.revoked_reason, d.last_seen_at,
                   h.app_version, h.catalogue_version, h.config_version, h.queue_depth, h.oldest_unsent_seconds,
                   h.bytes_waiting, h.disk_free_bytes, h.temperature, h.printer_state, h.clock_offset_ms, h.last_error
            FROM device d LEFT JOIN device_health h ON h.device_id = d.id
            """;

    public List<DeviceView> list() throws SQLException {
        return db.read(c -> {
            List<DeviceView> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(SELECT + " ORDER BY d.centre, d.kiosk, d.enrolled_at");
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(view(rs));
                }
            }
            return out;
        });
    }

    public Optional<DeviceView> show(String deviceId) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement(SELECT + " WHERE d.id = ?")) {
                st.setString(1, deviceId);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(view(rs)) : Optional.<DeviceView>empty();
                }
            }
        });
    }

    /** Revokes a device: it is refused everywhere from now on. True if it was active. */
    public boolean revoke(String deviceId, String reason) throws SQLException {
        long now = clock.millis();
        return db.write(c -> {
            Commands.requireDevice(c, deviceId);
            try (PreparedStatement st = c.prepareStatement(
                    "UPDATE device SET revoked_at = ?, revoked_reason = ? WHERE id = ? AND revoked_at IS NULL")) {
                st.setLong(1, now);
                st.setString(2, reason);
                st.setString(3, deviceId);
                boolean changed = st.executeUpdate() == 1;
                try (PreparedStatement del = c.prepareStatement("DELETE FROM device_token WHERE device_id = ?")) {
                    del.setString(1, deviceId);
                    del.executeUpdate();
                }
                return changed;
            }
        });
    }

    private DeviceView view(ResultSet rs) throws SQLException {
        Instant revoked = Commands.instant(rs, 5);
        Instant lastSeen = Commands.instant(rs, 7);
        String state = revoked != null
                ? "revoked"
                : lastSeen == null
                        ? "never_seen"
                        : lastSeen.isBefore(clock.instant().minus(overdueAfter)) ? "overdue" : "online";
        return new DeviceView(
                rs.getString(1),
                rs.getString(2),
                rs.getInt(3),
                Instant.ofEpochMilli(rs.getLong(4)),
                revoked,
                rs.getString(6),
                lastSeen,
                state,
                rs.getString(8),
                longOrNull(rs, 9),
                longOrNull(rs, 10),
                intOrNull(rs, 11),
                longOrNull(rs, 12),
                longOrNull(rs, 13),
                longOrNull(rs, 14),
                doubleOrNull(rs, 15),
                rs.getString(16),
                longOrNull(rs, 17),
                rs.getString(18));
    }

    private static @Nullable Long longOrNull(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : v;
    }

    private static @Nullable Integer intOrNull(ResultSet rs, int i) throws SQLException {
        int v = rs.getInt(i);
        return rs.wasNull() ? null : v;
    }

    private static @Nullable Double doubleOrNull(ResultSet rs, int i) throws SQLException {
        double v = rs.getDouble(i);
        return rs.wasNull() ? null : v;
    }
}
