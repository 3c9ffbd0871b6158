package org.accesscentre.portal.rollouts;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.accesscentre.core.json.Json;
import org.accesscentre.core.wire.SignedOrder;
import org.accesscentre.portal.bundles.Bundles;
import org.accesscentre.portal.db.Database;
import org.accesscentre.portal.http.ApiException;
import org.jspecify.annotations.Nullable;

/**
 * What the ICT office does with rollouts: create, list, show, pause, resume (maybe with a fixed bundle), abort.
 * A release rollout that takes devices back to an older release needs the ICT office's signed rollback order.
 */
public final class Rollouts {
    private final Database db;
    private final Bundles bundles;
    private final Clock clock;

    public Rollouts(Database db, Bundles bundles, Clock clock) {
        this.db = db;
        this.bundles = bundles;
        this.clock = clock;
    }

    public RolloutView create(RolloutRequest.Checked req, String createdBy) throws SQLException {
        Instant now = clock.instant();
        RollbackOrders.Checked order = RollbackOrders.verify(req.rollbackOrder(), bundles);
        return db.write(c -> {
            RolloutBundle bundle = RolloutBundle.find(c, req.bundleId());
            order.requireFits(bundle);
            db.lock(c, "rollout:" + bundle.kind());
            RolloutStore.active(c, bundle.kind()).ifPresent(r -> {
                throw ApiException.conflict(
                        "rollout_active",
                        "rollout " + r.id() + " of " + r.kind() + " is " + r.state()
                                + "; abort it, or let it complete, before starting another");
            });
            List<String> devices = RolloutBundle.devices(c, req.target());
            bundle.requireFor(c, devices, order.order());
            int[] sizes = WavePlan.sizes(req.waves(), devices.size());
            long id = insert(c, bundle, req, createdBy, now);
            order.store(c, id);
            for (int i = 0; i < sizes.length; i++) {
                WavePlan.Wave w = req.waves().get(i);
                try (PreparedStatement st = c.prepareStatement("""
                        INSERT INTO rollout_wave (rollout_id, wave, size_text, size, success_threshold, error_threshold)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """)) {
                    st.setLong(1, id);
                    st.setInt(2, i);
                    st.setString(3, w.size().toString());
                    st.setInt(4, sizes[i]);
                    st.setDouble(5, w.successThreshold());
                    st.setDouble(6, w.errorThreshold());
                    st.executeUpdate();
                }
            }
            try (PreparedStatement st = c.prepareStatement("""
                    INSERT INTO rollout_device (rollout_id, device_id, wave, state, updated_at)
                    VALUES (?, ?, ?, 'pending', ?)
                    """)) {
                int wave = 0;
                int left = sizes[0];
                for (String device : devices) {
                    while (left == 0) {
                        left = sizes[++wave];
                    }
                    st.setLong(1, id);
                    st.setString(2, device);
                    st.setInt(3, wave);
                    st.setLong(4, now.toEpochMilli());
                    st.addBatch();
                    left--;
                }
                st.executeBatch();
            }
            addBundle(c, id, bundle.id());
            RolloutStore.offerWave(c, id, 0, now);
            RolloutStore.evaluate(c, id, now);
            return RolloutView.load(c, RolloutStore.find(c, id).orElseThrow(), now);
        });
    }

    private static long insert(
            Connection c, RolloutBundle bundle, RolloutRequest.Checked req, String createdBy, Instant now)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO rollout (kind, bundle_id, first_bundle_id, target, overdue_after_ms, state, current_wave,
                    created_at, created_by, updated_at)
                VALUES (?, ?, ?, ?, ?, 'running', 0, ?, ?, ?)
                RETURNING id
                """)) {
            st.setString(1, bundle.kind());
            st.setLong(2, bundle.id());
            st.setLong(3, bundle.id());
            st.setString(4, json(req.target().asJson()));
            st.setLong(5, req.overdueAfter().toMillis());
            st.setLong(6, now.toEpochMilli());
            st.setString(7, createdBy);
            st.setLong(8, now.toEpochMilli());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void addBundle(Connection c, long rolloutId, long bundleId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "INSERT INTO rollout_bundle (rollout_id, bundle_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            st.setLong(1, rolloutId);
            st.setLong(2, bundleId);
            st.executeUpdate();
        }
    }

    public List<RolloutView> list() throws SQLException {
        Instant now = clock.instant();
        return db.read(c -> {
            List<RolloutView> out = new ArrayList<>();
            for (RolloutStore.Row r : RolloutStore.all(c)) {
                out.add(RolloutView.load(c, r, now));
            }
            return out;
        });
    }

    public RolloutView show(long id) throws SQLException {
        Instant now = clock.instant();
        return db.read(c -> RolloutView.load(c, require(c, id), now));
    }

    public RolloutView pause(long id) throws SQLException {
        return change(id, "running", (c, r, now) -> RolloutStore.setState(c, id, "paused", null, now));
    }

    public RolloutView abort(long id) throws SQLException {
        return change(id, RolloutStore.ACTIVE, (c, r, now) -> RolloutStore.setState(c, id, "aborted", null, now));
    }

    /**
     * Resumes a paused or halted rollout. Devices that failed or rolled back are offered again; with a newer
     * bundle of the same kind (the fixed one), every device the rollout reached is offered that instead.
     */
    public RolloutView resume(long id, @Nullable Long newBundleId, @Nullable SignedOrder rollbackOrder)
            throws SQLException {
        if (newBundleId == null && rollbackOrder != null) {
            throw RolloutRequest.invalid(
                    "rollbackOrder goes with bundleId: a rollout keeps its order, a new bundle brings its own",
                    "rollbackOrder");
        }
        RollbackOrders.Checked order = RollbackOrders.verify(rollbackOrder, bundles);
        return change(id, "('paused', 'halted')", (c, r, now) -> {
            if (newBundleId != null) {
                RolloutBundle bundle = RolloutBundle.find(c, newBundleId);
                order.requireFits(bundle);
                if (!bundle.kind().equals(r.kind()) || bundle.version() <= r.version()) {
                    throw ApiException.conflict(
                            "invalid_bundle",
                            "bundle " + newBundleId + " is " + bundle.kind() + " version " + bundle.version()
                                    + "; resuming needs a " + r.kind() + " newer than version " + r.version());
                }
                bundle.requireFor(c, RolloutBundle.devicesOf(c, id), order.order());
                order.store(c, id); // the old bundle's order, if any, does not fit the new one
                try (PreparedStatement st = c.prepareStatement("UPDATE rollout SET bundle_id = ? WHERE id = ?")) {
                    st.setLong(1, bundle.id());
                    st.setLong(2, id);
                    st.executeUpdate();
                }
                addBundle(c, id, bundle.id());
            }
            try (PreparedStatement st = c.prepareStatement(
                    "UPDATE rollout_device SET state = 'offered', reason = NULL, offered_at = ?, updated_at = ?"
                            + " WHERE rollout_id = ? AND state <> 'pending'"
                            + (newBundleId == null ? " AND state IN ('failed', 'rolled_back')" : ""))) {
                st.setLong(1, now.toEpochMilli());
                st.setLong(2, now.toEpochMilli());
                st.setLong(3, id);
                st.executeUpdate();
            }
            RolloutStore.setState(c, id, "running", null, now);
            RolloutStore.evaluate(c, id, now);
        });
    }

    @FunctionalInterface
    private interface Change {
        void apply(Connection c, RolloutStore.Row r, Instant now) throws SQLException;
    }

    /** A state change allowed only from {@code from} (an SQL list or one state); 409 otherwise. */
    private RolloutView change(long id, String from, Change change) throws SQLException {
        Instant now = clock.instant();
        return db.write(c -> {
            RolloutStore.Row r = require(c, id);
            db.lock(c, "rollout:" + r.kind());
            r = require(c, id);
            if (!(from.startsWith("(") ? from.contains("'" + r.state() + "'") : from.equals(r.state()))) {
                throw ApiException.conflict(
                        "invalid_state", "rollout " + id + " is " + r.state() + "; that is not possible from there");
            }
            change.apply(c, r, now);
            return RolloutView.load(c, require(c, id), now);
        });
    }

    private static RolloutStore.Row require(Connection c, long id) throws SQLException {
        return RolloutStore.find(c, id).orElseThrow(() -> ApiException.notFound("rollout " + id));
    }

    private static String json(Map<String, Object> value) {
        try {
            return Json.wire().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
