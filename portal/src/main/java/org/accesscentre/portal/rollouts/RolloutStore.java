package org.accesscentre.portal.rollouts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The rollout tables, and the wave rule: a wave whose failures and rollbacks pass its error threshold halts the
 * rollout; one whose installs reach its success threshold starts the next wave, or completes the rollout.
 * Every method runs inside the caller's transaction.
 */
final class RolloutStore {
    /** States in which a rollout still owns its kind: devices get that kind only through it. */
    static final String ACTIVE = "('running', 'paused', 'halted')";

    private RolloutStore() {}

    record Row(
            long id,
            String kind,
            long bundleId,
            long version,
            String state,
            int currentWave,
            @Nullable String reason,
            String target,
            long overdueAfterMillis,
            Instant createdAt,
            String createdBy,
            Instant updatedAt,
            @Nullable String rollbackOrder,
            @Nullable String rollbackReason) {
        boolean active() {
            return state.equals("running") || state.equals("paused") || state.equals("halted");
        }

        /** A release rollout that takes devices back, under the ICT office's signed order. */
        boolean rollback() {
            return rollbackOrder != null;
        }
    }

    record WaveRow(int wave, String sizeText, int size, double successThreshold, double errorThreshold) {}

    private static final String SELECT = """
            SELECT r.id, r.kind, r.bundle_id, b.version, r.state, r.current_wave, r.reason, r.target, r.overdue_after_ms,
                   r.created_at, r.created_by, r.updated_at, r.rollback_order, r.rollback_reason
            FROM rollout r JOIN bundle b ON b.id = r.bundle_id
            """;

    static List<Row> all(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(SELECT + " ORDER BY r.id DESC LIMIT 200")) {
            return rows(st);
        }
    }

    static Optional<Row> find(Connection c, long id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(SELECT + " WHERE r.id = ?")) {
            st.setLong(1, id);
            return rows(st).stream().findFirst();
        }
    }

    static Optional<Row> active(Connection c, String kind) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(SELECT + " WHERE r.kind = ? AND r.state IN " + ACTIVE)) {
            st.setString(1, kind);
            return rows(st).stream().findFirst();
        }
    }

    /** Active rollouts that have offered this device their bundle, with the device's state in each. */
    static List<Row> offeringTo(Connection c, String deviceId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(SELECT
                + " JOIN rollout_device rd ON rd.rollout_id = r.id"
                + " WHERE rd.device_id = ? AND rd.state <> 'pending' AND r.state IN " + ACTIVE)) {
            st.setString(1, deviceId);
            return rows(st);
        }
    }

    /**
     * Rollouts whose record of this device a heartbeat may change: the active ones that reached it, and completed
     * ones it has not installed yet (a wave completes at its threshold; the last devices still report after).
     */
    static List<Row> trackedFor(Connection c, String deviceId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(SELECT
                + " JOIN rollout_device rd ON rd.rollout_id = r.id"
                + " WHERE rd.device_id = ? AND rd.state <> 'pending' AND (r.state IN " + ACTIVE
                + " OR (r.state = 'completed' AND rd.state <> 'installed'))")) {
            st.setString(1, deviceId);
            return rows(st);
        }
    }

    /** The release of the newest release rollout a device is in, and the device's state in that rollout. */
    record ReleaseRow(
            long rolloutId,
            String rolloutState,
            long bundleId,
            long version,
            long size,
            String sha256,
            @Nullable String rollbackOrder,
            String deviceState) {}

    /**
     * The newest release rollout this device is in, whatever its state: a newer rollout (a rollback, say)
     * decides for every device it holds, even one it has not reached yet, so an older completed rollout never
     * offers its release alongside it; an aborted one withdraws its offer.
     */
    static Optional<ReleaseRow> newestRelease(Connection c, String deviceId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                SELECT r.id, r.state, r.bundle_id, b.version, b.size, b.sha256, r.rollback_order, rd.state
                FROM rollout r JOIN bundle b ON b.id = r.bundle_id JOIN rollout_device rd ON rd.rollout_id = r.id
                WHERE r.kind = 'release' AND rd.device_id = ? ORDER BY r.id DESC LIMIT 1
                """)) {
            st.setString(1, deviceId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next()
                        ? Optional.of(new ReleaseRow(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getLong(3),
                                rs.getLong(4),
                                rs.getLong(5),
                                rs.getString(6),
                                rs.getString(7),
                                rs.getString(8)))
                        : Optional.empty();
            }
        }
    }

    private static List<Row> rows(PreparedStatement st) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(new Row(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getString(5),
                        rs.getInt(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getLong(9),
                        Instant.ofEpochMilli(rs.getLong(10)),
                        rs.getString(11),
                        Instant.ofEpochMilli(rs.getLong(12)),
                        rs.getString(13),
                        rs.getString(14)));
            }
        }
        return out;
    }

    static List<WaveRow> waves(Connection c, long rolloutId) throws SQLException {
        List<WaveRow> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("""
                SELECT wave, size_text, size, success_threshold, error_threshold FROM rollout_wave
                WHERE rollout_id = ? ORDER BY wave
                """)) {
            st.setLong(1, rolloutId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new WaveRow(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getDouble(4), rs.getDouble(5)));
                }
            }
        }
        return out;
    }

    /** The device's state in a rollout, if it is in it. */
    static Optional<String> deviceState(Connection c, long rolloutId, String deviceId) throws SQLException {
        try (PreparedStatement st =
                c.prepareStatement("SELECT state FROM rollout_device WHERE rollout_id = ? AND device_id = ?")) {
            st.setLong(1, rolloutId);
            st.setString(2, deviceId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    static void setDevice(
            Connection c, long rolloutId, String deviceId, String state, @Nullable String reason, Instant now)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "UPDATE rollout_device SET state = ?, reason = ?, updated_at = ? WHERE rollout_id = ? AND device_id = ?")) {
            st.setString(1, state);
            st.setString(2, reason);
            st.setLong(3, now.toEpochMilli());
            st.setLong(4, rolloutId);
            st.setString(5, deviceId);
            st.executeUpdate();
        }
    }

    static void setState(Connection c, long rolloutId, String state, @Nullable String reason, Instant now)
            throws SQLException {
        try (PreparedStatement st =
                c.prepareStatement("UPDATE rollout SET state = ?, reason = ?, updated_at = ? WHERE id = ?")) {
            st.setString(1, state);
            st.setString(2, reason);
            st.setLong(3, now.toEpochMilli());
            st.setLong(4, rolloutId);
            st.executeUpdate();
        }
    }

    /** Offers the rollout's bundle to a wave's devices that have not had it yet. */
    static void offerWave(Connection c, long rolloutId, int wave, Instant now) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                UPDATE rollout_device SET state = 'offered', offered_at = ?, updated_at = ?
                WHERE rollout_id = ? AND wave = ? AND state = 'pending'
                """)) {
            st.setLong(1, now.toEpochMilli());
            st.setLong(2, now.toEpochMilli());
            st.setLong(3, rolloutId);
            st.setInt(4, wave);
            st.executeUpdate();
        }
    }

    /** How many of a wave's devices are in each of the states the wave rule counts. */
    record Tally(int installed, int failed) {}

    static Tally tally(Connection c, long rolloutId, int wave) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                SELECT COALESCE(SUM(CASE WHEN state = 'installed' THEN 1 ELSE 0 END), 0),
                       COALESCE(SUM(CASE WHEN state IN ('failed', 'rolled_back') THEN 1 ELSE 0 END), 0)
                FROM rollout_device WHERE rollout_id = ? AND wave = ?
                """)) {
            st.setLong(1, rolloutId);
            st.setInt(2, wave);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return new Tally(rs.getInt(1), rs.getInt(2));
            }
        }
    }

    /**
     * Applies the wave rule until nothing more changes: a running rollout may halt, start one or more waves
     * (empty ones succeed at once) or complete. Called on every device report, heartbeat and resume.
     */
    static void evaluate(Connection c, long rolloutId, Instant now) throws SQLException {
        Row r = find(c, rolloutId).orElseThrow();
        if (!r.state().equals("running")) {
            return;
        }
        List<WaveRow> waves = waves(c, rolloutId);
        int current = r.currentWave();
        while (true) {
            WaveRow w = waves.get(current);
            Tally t = tally(c, rolloutId, current);
            if (w.size() > 0 && (double) t.failed() / w.size() > w.errorThreshold()) {
                setState(
                        c,
                        rolloutId,
                        "halted",
                        "wave " + (current + 1) + ": " + t.failed() + " of " + w.size()
                                + " devices failed or rolled back, above the error threshold of " + w.errorThreshold(),
                        now);
                return;
            }
            boolean succeeded = w.size() == 0 || (double) t.installed() / w.size() >= w.successThreshold();
            if (!succeeded) {
                return;
            }
            if (current == waves.size() - 1) {
                setState(c, rolloutId, "completed", null, now);
                return;
            }
            current++;
            try (PreparedStatement st =
                    c.prepareStatement("UPDATE rollout SET current_wave = ?, updated_at = ? WHERE id = ?")) {
                st.setInt(1, current);
                st.setLong(2, now.toEpochMilli());
                st.setLong(3, rolloutId);
                st.executeUpdate();
            }
            offerWave(c, rolloutId, current, now);
        }
    }
}
