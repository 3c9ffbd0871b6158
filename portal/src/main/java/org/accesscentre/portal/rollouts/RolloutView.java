package org.accesscentre.portal.rollouts;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.accesscentre.core.json.Json;
import org.jspecify.annotations.Nullable;

/**
 * A rollout as the ICT office sees it: its state, each wave's numbers, and why devices failed.
 *
 * @param rollback a release rollout that takes devices back to an older release, under a signed order
 * @param rollbackReason the reason the order gives
 */
public record RolloutView(
        long id,
        String kind,
        long bundleId,
        long version,
        String state,
        @Nullable String reason,
        boolean rollback,
        @Nullable String rollbackReason,
        int currentWave,
        JsonNode target,
        long overdueAfterMinutes,
        List<Wave> waves,
        List<Failure> failures,
        Instant createdAt,
        String createdBy,
        Instant updatedAt) {
    /** The most failures one answer lists; the counts per wave are always whole. */
    static final int MAX_FAILURES = 100;

    /** One wave: {@code wave} counts from 1, as people say it. */
    public record Wave(
            int wave,
            String size,
            int devices,
            double successThreshold,
            double errorThreshold,
            int pending,
            int offered,
            int downloading,
            int installed,
            int failed,
            int rolledBack,
            int overdue) {}

    public record Failure(
            String deviceId,
            int wave,
            String state,
            @Nullable String reason,
            Instant at) {}

    static RolloutView load(Connection c, RolloutStore.Row r, Instant now) throws SQLException {
        List<RolloutStore.WaveRow> rows = RolloutStore.waves(c, r.id());
        int[][] counts = new int[rows.size()][7];
        long silentSince = now.toEpochMilli() - r.overdueAfterMillis();
        try (PreparedStatement st = c.prepareStatement("""
                SELECT rd.wave, rd.state, COUNT(*),
                       COALESCE(SUM(CASE WHEN rd.state IN ('offered', 'downloading') AND rd.offered_at < ?
                                          AND COALESCE(d.last_seen_at, 0) < ? THEN 1 ELSE 0 END), 0)
                FROM rollout_device rd JOIN device d ON d.id = rd.device_id
                WHERE rd.rollout_id = ? GROUP BY rd.wave, rd.state
                """)) {
            st.setLong(1, silentSince);
            st.setLong(2, silentSince);
            st.setLong(3, r.id());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    int[] w = counts[rs.getInt(1)];
                    w[column(rs.getString(2))] += rs.getInt(3);
                    w[6] += rs.getInt(4);
                }
            }
        }
        List<Wave> waves = new ArrayList<>();
        for (RolloutStore.WaveRow w : rows) {
            int[] n = counts[w.wave()];
            waves.add(new Wave(
                    w.wave() + 1,
                    w.sizeText(),
                    w.size(),
                    w.successThreshold(),
                    w.errorThreshold(),
                    n[0],
                    n[1],
                    n[2],
                    n[3],
                    n[4],
                    n[5],
                    n[6]));
        }
        return new RolloutView(
                r.id(),
                r.kind(),
                r.bundleId(),
                r.version(),
                r.state(),
                r.reason(),
                r.rollback(),
                r.rollbackReason(),
                r.currentWave() + 1,
                readTarget(r.target()),
                r.overdueAfterMillis() / 60_000,
                waves,
                failures(c, r.id()),
                r.createdAt(),
                r.createdBy(),
                r.updatedAt());
    }

    private static int column(String state) {
        return switch (state) {
            case "pending" -> 0;
            case "offered" -> 1;
            case "downloading" -> 2;
            case "installed" -> 3;
            case "failed" -> 4;
            case "rolled_back" -> 5;
            default -> throw new IllegalStateException("unknown rollout device state " + state);
        };
    }

    private static List<Failure> failures(Connection c, long rolloutId) throws SQLException {
        List<Failure> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("""
                SELECT device_id, wave, state, reason, updated_at FROM rollout_device
                WHERE rollout_id = ? AND state IN ('failed', 'rolled_back') ORDER BY wave, device_id LIMIT ?
                """)) {
            st.setLong(1, rolloutId);
            st.setInt(2, MAX_FAILURES);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Failure(
                            rs.getString(1),
                            rs.getInt(2) + 1,
                            rs.getString(3),
                            rs.getString(4),
                            Instant.ofEpochMilli(rs.getLong(5))));
                }
            }
        }
        return out;
    }

    private static JsonNode readTarget(String json) {
        try {
            return Json.wire().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a stored rollout target is not JSON: " + json, e);
        }
    }
}
