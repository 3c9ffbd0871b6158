package org.accesscentre.portal.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.accesscentre.core.json.Json;
import org.accesscentre.core.wire.Command;
import org.accesscentre.core.wire.CommandResult;
import org.accesscentre.portal.db.Database;
import org.accesscentre.portal.http.ApiException;
import org.accesscentre.portal.security.Secrets;
import org.jspecify.annotations.Nullable;

/**
 * Commands for devices: queued by the ICT office, delivered in heartbeat replies until the device confirms
 * them by id. A wipe destroys queued sealed payloads only when its {@code includeUnsent} argument says so.
 */
public final class Commands {
    public static final Set<String> TYPES = Set.of("lock", "unlock", "sync_now", "wipe");

    private final Database db;
    private final Clock clock;

    public Commands(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public record CommandInfo(
            String id,
            String deviceId,
            String type,
            Map<String, String> args,
            Instant createdAt,
            String createdBy,
            @Nullable Instant deliveredAt,
            @Nullable Instant doneAt,
            @Nullable Boolean done,
            @Nullable String message) {}

    public CommandInfo create(String deviceId, String type, Map<String, String> args, String createdBy)
            throws SQLException {
        if (!TYPES.contains(type)) {
            throw ApiException.badRequest("invalid_command", "type must be one of lock, unlock, sync_now, wipe");
        }
        if (args.size() > 10
                || args.entrySet().stream()
                        .anyMatch(e -> e.getKey().length() > 40
                                || e.getValue() == null
                                || e.getValue().length() > 200)) {
            throw ApiException.badRequest(
                    "invalid_command", "at most 10 arguments, names up to 40 and text values up to 200 characters");
        }
        if (type.equals("wipe") && !Set.of("true", "false").contains(args.getOrDefault("includeUnsent", "false"))) {
            throw ApiException.badRequest("invalid_command", "a wipe's includeUnsent is true or false");
        }
        String id = Secrets.id("cmd");
        Instant now = clock.instant();
        Instant createdAt = db.write(c -> {
            requireDevice(c, deviceId);
            db.lock(c, "commands:" + deviceId);
            // Delivered in the order made: lock then unlock must never arrive as unlock then lock, even when
            // both are made in one millisecond or the portal's clock steps back between them.
            Instant at = Instant.ofEpochMilli(Math.max(now.toEpochMilli(), latest(c, deviceId) + 1));
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO command (id, device_id, type, args, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)")) {
                st.setString(1, id);
                st.setString(2, deviceId);
                st.setString(3, type);
                st.setString(4, json(args));
                st.setLong(5, at.toEpochMilli());
                st.setString(6, createdBy);
                st.executeUpdate();
            }
            return at;
        });
        return new CommandInfo(id, deviceId, type, Map.copyOf(args), createdAt, createdBy, null, null, null, null);
    }

    private static long latest(Connection c, String deviceId) throws SQLException {
        try (PreparedStatement st =
                c.prepareStatement("SELECT COALESCE(MAX(created_at), 0) FROM command WHERE device_id = ?")) {
            st.setString(1, deviceId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The device's unconfirmed commands, marked delivered; called inside the heartbeat's transaction. */
    List<Command> deliver(Connection c, String deviceId, Instant now) throws SQLException {
        List<Command> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(
                "SELECT id, type, args FROM command WHERE device_id = ? AND done_at IS NULL ORDER BY created_at, id")) {
            st.setString(1, deviceId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Command(rs.getString(1), rs.getString(2), args(rs.getString(3))));
                }
            }
        }
        try (PreparedStatement st = c.prepareStatement(
                "UPDATE command SET delivered_at = ? WHERE device_id = ? AND done_at IS NULL AND delivered_at IS NULL")) {
            st.setLong(1, now.toEpochMilli());
            st.setString(2, deviceId);
            st.executeUpdate();
        }
        return out;
    }

    /** Records confirmations; a confirmation for another device's command is ignored. */
    void confirm(Connection c, String deviceId, List<CommandResult> results, Instant now) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "UPDATE command SET done_at = ?, done = ?, message = ? WHERE id = ? AND device_id = ? AND done_at IS NULL")) {
            for (CommandResult r : results) {
                if (r == null || r.id() == null) {
                    continue;
                }
                st.setLong(1, now.toEpochMilli());
                st.setInt(2, r.done() ? 1 : 0);
                st.setString(
                        3,
                        r.message() == null
                                ? null
                                : r.message()
                                        .substring(0, Math.min(500, r.message().length())));
                st.setString(4, r.id());
                st.setString(5, deviceId);
                st.executeUpdate();
            }
        }
    }

    public List<CommandInfo> forDevice(String deviceId) throws SQLException {
        return db.read(c -> {
            List<CommandInfo> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("""
                    SELECT id, device_id, type, args, created_at, created_by, delivered_at, done_at, done, message
                    FROM command WHERE device_id = ? ORDER BY created_at, id
                    """)) {
                st.setString(1, deviceId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        int done = rs.getInt(9);
                        Boolean doneFlag = rs.wasNull() ? null : done == 1;
                        out.add(new CommandInfo(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                args(rs.getString(4)),
                                Instant.ofEpochMilli(rs.getLong(5)),
                                rs.getString(6),
                                instant(rs, 7),
                                instant(rs, 8),
                                doneFlag,
                                rs.getString(10)));
                    }
                }
            }
            return out;
        });
    }

    static void requireDevice(Connection c, String deviceId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM device WHERE id = ?")) {
            st.setString(1, deviceId);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw ApiException.notFound("device " + deviceId);
                }
            }
        }
    }

    static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static String json(Map<String, String> args) {
        try {
            return Json.wire().writeValueAsString(args);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> args(String json) {
        try {
            return Json.wire().readValue(json, new TypeReference<Map<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored command arguments are not JSON", e);
        }
    }
}
