package org.accesscentre.portal.cases;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.accesscentre.core.wire.StatusChange;
import org.accesscentre.portal.db.Database;
import org.accesscentre.portal.http.ApiException;

/**
 * The status feed of one device, and the lookup by reference for any device. The feed's cursor is the id of
 * the last change delivered: a device stores it with the changes, so it resumes exactly where it left off.
 */
public final class StatusFeed {
    public static final int MAX_PAGE = 500;

    private final Database db;

    public StatusFeed(Database db) {
        this.db = db;
    }

    public org.accesscentre.core.wire.StatusFeed page(String deviceId, String cursor, int limit) throws SQLException {
        long after = parseCursor(cursor);
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        return db.read(c -> {
            List<StatusChange> changes = new ArrayList<>();
            long last = after;
            boolean more = false;
            try (PreparedStatement st = c.prepareStatement("""
                    SELECT sc.id, sc.tx_id, s.reference, sc.status, sc.case_number, sc.message, sc.at, sc.version
                    FROM status_change sc JOIN submission s ON s.tx_id = sc.tx_id
                    WHERE sc.device_id = ? AND sc.id > ?
                    ORDER BY sc.id
                    LIMIT ?
                    """)) {
                st.setString(1, deviceId);
                st.setLong(2, after);
                st.setInt(3, size + 1);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        if (changes.size() == size) {
                            more = true;
                            break;
                        }
                        last = rs.getLong(1);
                        changes.add(new StatusChange(
                                UUID.fromString(rs.getString(2)),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                Instant.ofEpochMilli(rs.getLong(7)),
                                rs.getLong(8)));
                    }
                }
            }
            return new org.accesscentre.core.wire.StatusFeed(changes, Long.toString(last), more);
        });
    }

    /**
     * The cursor after the device's newest change: when it equals what the device holds, there is nothing to
     * pull, and a quiet kiosk saves a call a minute.
     */
    public String latestCursor(String deviceId) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT MAX(id) FROM status_change WHERE device_id = ?")) {
                st.setString(1, deviceId);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Long.toString(rs.getLong(1)) : "0";
                }
            }
        });
    }

    /** The current status of any submission the portal holds, by its reference: status only, never answers. */
    public Optional<StatusChange> lookup(String reference) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("""
                    SELECT tx_id, reference, status, case_number, status_message, status_at, status_version
                    FROM submission WHERE reference = ?
                    ORDER BY CASE WHEN outcome = 'accepted' THEN 0 ELSE 1 END, received_at DESC
                    LIMIT 1
                    """)) {
                st.setString(1, reference);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new StatusChange(
                                    UUID.fromString(rs.getString(1)),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    Instant.ofEpochMilli(rs.getLong(6)),
                                    rs.getLong(7)))
                            : Optional.<StatusChange>empty();
                }
            }
        });
    }

    private static long parseCursor(String cursor) {
        if (cursor.isEmpty()) {
            return 0;
        }
        if (!cursor.matches("[0-9]{1,18}")) {
            throw ApiException.badRequest("invalid_cursor", "cursor must be a value this feed returned");
        }
        return Long.parseLong(cursor);
    }
}
