package org.accesscentre.portal.fleet;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.accesscentre.core.wire.BundleRefused;
import org.accesscentre.core.wire.Command;
import org.accesscentre.core.wire.Heartbeat;
import org.accesscentre.core.wire.HeartbeatReply;
import org.accesscentre.portal.cases.StatusFeed;
import org.accesscentre.portal.db.Database;
import org.accesscentre.portal.http.ApiException;
import org.accesscentre.portal.rollouts.RolloutOffers;
import org.accesscentre.portal.security.Principal;

/**
 * A device's heartbeat: its health is kept (the latest only), its command confirmations recorded, and the
 * reply says when to call again, which catalogue and configuration versions are current for it (through a
 * rollout, when one has reached it), the release a rollout offers it (releases come only through rollouts), and
 * what commands wait for it. Bundles it refused move its rollouts on.
 */
public final class Heartbeats {
    static final Set<String> PRINTER_STATES = Set.of("ok", "paper_out", "cover_open", "offline", "none", "error");

    private final Database db;
    private final RolloutOffers offers;
    private final Commands commands;
    private final StatusFeed statuses;
    private final Clock clock;
    private final Duration interval;

    public Heartbeats(
            Database db, RolloutOffers offers, Commands commands, StatusFeed statuses, Clock clock, Duration interval) {
        this.db = db;
        this.offers = offers;
        this.commands = commands;
        this.statuses = statuses;
        this.clock = clock;
        this.interval = interval;
    }

    public HeartbeatReply record(Principal.Device device, Heartbeat h) throws SQLException {
        check(h);
        Instant now = clock.instant();
        List<Command> pending = db.write(c -> {
            try (PreparedStatement st = c.prepareStatement("""
                    INSERT INTO device_health (device_id, received_at, app_version, catalogue_version, config_version,
                        queue_depth, oldest_unsent_seconds, bytes_waiting, disk_free_bytes, temperature, printer_state,
                        clock_offset_ms, last_error)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (device_id) DO UPDATE SET
                        received_at = excluded.received_at, app_version = excluded.app_version,
                        catalogue_version = excluded.catalogue_version, config_version = excluded.config_version,
                        queue_depth = excluded.queue_depth, oldest_unsent_seconds = excluded.oldest_unsent_seconds,
                        bytes_waiting = excluded.bytes_waiting, disk_free_bytes = excluded.disk_free_bytes,
                        temperature = excluded.temperature, printer_state = excluded.printer_state,
                        clock_offset_ms = excluded.clock_offset_ms, last_error = excluded.last_error
                    """)) {
                st.setString(1, device.deviceId());
                st.setLong(2, now.toEpochMilli());
                st.setString(3, h.appVersion());
                st.setLong(4, h.catalogueVersion());
                st.setLong(5, h.configVersion());
                st.setInt(6, h.queueDepth());
                st.setLong(7, h.oldestUnsentSeconds());
                st.setLong(8, h.bytesWaiting());
                st.setLong(9, h.diskFreeBytes());
                if (h.temperatureCelsius() == null) {
                    st.setNull(10, java.sql.Types.DOUBLE);
                } else {
                    st.setDouble(10, h.temperatureCelsius());
                }
                st.setString(11, h.printerState());
                st.setLong(12, h.clockOffsetMillis());
                st.setString(13, h.lastError());
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("UPDATE device SET last_seen_at = ? WHERE id = ?")) {
                st.setLong(1, now.toEpochMilli());
                st.setString(2, device.deviceId());
                st.executeUpdate();
            }
            commands.confirm(c, device.deviceId(), h.commandResults(), now);
            offers.heartbeat(c, device.deviceId(), h, now);
            return commands.deliver(c, device.deviceId(), now);
        });
        return new HeartbeatReply(
                (int) interval.toSeconds(),
                offers.versionFor("catalogue", device.deviceId(), device.centre()),
                offers.versionFor("config", device.deviceId(), device.centre()),
                pending,
                now,
                statuses.latestCursor(device.deviceId()),
                offers.releaseFor(device.deviceId(), h.appVersion()).orElse(null));
    }

    private static void check(Heartbeat h) {
        require(
                h.appVersion() != null && h.appVersion().length() <= 40,
                "appVersion is required, at most 40 characters");
        require(
                h.queueDepth() >= 0 && h.oldestUnsentSeconds() >= 0 && h.bytesWaiting() >= 0 && h.diskFreeBytes() >= 0,
                "queue and disk figures cannot be negative");
        require(h.catalogueVersion() >= 0 && h.configVersion() >= 0, "versions cannot be negative");
        // No sensor reads infinity: JSON has no such number, but one too large to hold becomes it.
        require(
                h.temperatureCelsius() == null || Double.isFinite(h.temperatureCelsius()),
                "temperatureCelsius must be a finite number");
        require(
                h.printerState() != null && PRINTER_STATES.contains(h.printerState()),
                "printerState is one of " + String.join(", ", new java.util.TreeSet<>(PRINTER_STATES)));
        require(h.lastError() == null || h.lastError().length() <= 500, "lastError has at most 500 characters");
        require(h.kioskTime() != null, "kioskTime is required");
        require(h.commandResults().size() <= 100, "at most 100 command results");
        require(h.refused().size() <= 3, "at most 3 refused bundles, one per kind");
        for (int i = 0; i < h.refused().size(); i++) {
            BundleRefused r = h.refused().get(i);
            require(
                    r != null && r.kind() != null && r.kind().matches("catalogue|config|release"),
                    "refused[" + i + "].kind is catalogue, config or release");
            require(r.version() >= 0, "refused[" + i + "].version cannot be negative");
            require(
                    r.reason() != null && r.reason().length() <= 500,
                    "refused[" + i + "].reason is required, at most 500 characters");
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw ApiException.badRequest("invalid_heartbeat", message);
        }
    }
}
