package org.accesscentre.portal.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.accesscentre.core.json.Json;
import org.accesscentre.core.wire.EventBatch;
import org.accesscentre.core.wire.EventBatchResult;
import org.accesscentre.portal.db.Database;
import org.accesscentre.portal.http.ApiException;
import org.accesscentre.portal.security.Principal;
import org.jspecify.annotations.Nullable;

/**
 * Stores a device's journal events, each once under the id the kiosk made, and lists them for the ICT office.
 * A batch is all or nothing: malformed (400) or holding an id the portal has with other content or from
 * another device (409), nothing of it is stored.
 */
public final class DeviceEvents {
    public static final int MAX_EVENTS = 500;
    public static final int MAX_LIST = 500;

    private final Database db;
    private final Clock clock;

    public DeviceEvents(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** An event as the ICT office reads it. */
    public record EventView(
            UUID id,
            String deviceId,
            String centre,
            int kiosk,
            long sequence,
            String kind,
            Instant kioskTime,
            Instant receivedAt,
            JsonNode body) {}

    /**
     * What to list; null means any.
     *
     * @param kind a kind, or a prefix ending in a dot ({@code payment.}) for every kind under it
     * @param since by the portal's clock (received at or after)
     */
    public record Query(
            @Nullable String deviceId,
            @Nullable String kind,
            @Nullable Instant since,
            int limit) {}

    public EventBatchResult store(Principal.Device device, EventBatch batch) throws SQLException {
        if (batch.events().isEmpty()) {
            throw ApiException.badRequest("empty_batch", "a batch needs at least one event");
        }
        if (batch.events().size() > MAX_EVENTS) {
            throw ApiException.tooLarge("a batch has at most " + MAX_EVENTS + " events, not "
                    + batch.events().size());
        }
        List<CheckedEvent> events = new ArrayList<>(batch.events().size());
        for (int i = 0; i < batch.events().size(); i++) {
            events.add(CheckedEvent.of(batch.events().get(i), i));
        }
        // In id order, so two batches sharing ids lock them in the same order and cannot deadlock.
        events.sort(Comparator.comparing((CheckedEvent e) -> e.id().toString()).thenComparingInt(CheckedEvent::index));
        long now = clock.millis();
        return db.write(c -> {
            int stored = 0;
            try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                for (CheckedEvent e : events) {
                    if (insert(insert, device, e, now)) {
                        stored++;
                    } else {
                        requireSame(c, device, e);
                    }
                }
            }
            return new EventBatchResult(stored, events.size() - stored);
        });
    }

    private static final String INSERT = """
            INSERT INTO device_event (id, device_id, sequence, kind, body, kiosk_time, received_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING
            """;

    private static boolean insert(PreparedStatement st, Principal.Device device, CheckedEvent e, long now)
            throws SQLException {
        st.setString(1, e.id().toString());
        st.setString(2, device.deviceId());
        st.setLong(3, e.sequence());
        st.setString(4, e.kind());
        st.setString(5, e.body());
        st.setLong(6, e.kioskTime().toEpochMilli());
        st.setLong(7, now);
        return st.executeUpdate() == 1;
    }

    /** An event that did not go in is a resend of the one stored, or the batch is refused (and rolled back). */
    private static void requireSame(Connection c, Principal.Device device, CheckedEvent e) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "SELECT device_id, sequence, kind, kiosk_time, body FROM device_event WHERE id = ?")) {
            st.setString(1, e.id().toString());
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("event " + e.id() + " was neither inserted nor found");
                }
                if (!rs.getString(1).equals(device.deviceId())) {
                    throw conflict(e, "is stored from another device");
                }
                if (!e.sameAs(rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5))) {
                    throw conflict(e, "is stored with different content");
                }
            }
        }
    }

    private static ApiException conflict(CheckedEvent e, String why) {
        return new ApiException(
                409,
                "event_conflict",
                "events[" + e.index() + "].id " + e.id() + " " + why + "; nothing in this batch was stored",
                Map.of("index", e.index(), "id", e.id().toString()));
    }

    /** Newest first, by when the portal received them, then by each kiosk's order. */
    public List<EventView> list(Query q) throws SQLException {
        StringBuilder sql = new StringBuilder("""
                SELECT e.id, e.device_id, d.centre, d.kiosk, e.sequence, e.kind, e.kiosk_time, e.received_at, e.body
                FROM device_event e JOIN device d ON d.id = e.device_id WHERE 1 = 1
                """);
        List<Object> params = new ArrayList<>();
        if (q.deviceId() != null) {
            sql.append(" AND e.device_id = ?");
            params.add(q.deviceId());
        }
        String kind = q.kind();
        if (kind != null && kind.endsWith(".")) {
            // substr, not LIKE: an underscore in a kind is a wildcard to LIKE.
            sql.append(" AND substr(e.kind, 1, ?) = ?");
            params.add(kind.length());
            params.add(kind);
        } else if (kind != null) {
            sql.append(" AND e.kind = ?");
            params.add(kind);
        }
        if (q.since() != null) {
            sql.append(" AND e.received_at >= ?");
            params.add(q.since().toEpochMilli());
        }
        sql.append(" ORDER BY e.received_at DESC, e.device_id, e.sequence DESC LIMIT ?");
        params.add(q.limit());
        return db.read(c -> {
            List<EventView> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < params.size(); i++) {
                    st.setObject(i + 1, params.get(i));
                }
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(view(rs));
                    }
                }
            }
            return out;
        });
    }

    private static EventView view(ResultSet rs) throws SQLException {
        JsonNode body;
        try {
            body = Json.wire().readTree(rs.getString(9));
        } catch (JsonProcessingException e) {
            throw new SQLException("a stored event body is not JSON", e);
        }
        return new EventView(
                UUID.fromString(rs.getString(1)),
                rs.getString(2),
                rs.getString(3),
                rs.getInt(4),
                rs.getLong(5),
                rs.getString(6),
                Instant.ofEpochMilli(rs.getLong(7)),
                Instant.ofEpochMilli(rs.getLong(8)),
                body);
    }
}
