package org.accesscentre.portal.rollouts;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.accesscentre.core.wire.BundleRefused;
import org.accesscentre.core.wire.Heartbeat;
import org.accesscentre.portal.bundles.Bundles;
import org.accesscentre.portal.db.Database;

/**
 * The device's side of rollouts. What a device should run of a kind comes from the active rollout once its
 * wave has started, and otherwise from what is published (less what waits for a rollout). Its state in the
 * rollout follows from what it does: fetching the bundle is {@code downloading}; a heartbeat that reports the
 * version applied is {@code installed}; one that reports it refused is {@code failed} with the device's reason;
 * an installed device that reports an older version again has {@code rolled_back}.
 */
public final class RolloutOffers {
    private final Database db;
    private final Bundles bundles;
    private final Clock clock;

    public RolloutOffers(Database db, Bundles bundles, Clock clock) {
        this.db = db;
        this.bundles = bundles;
        this.clock = clock;
    }

    /** The version of a kind the heartbeat's reply names for this device; 0 when there is none. */
    public long versionFor(String kind, String deviceId, String centre) throws SQLException {
        Optional<RolloutStore.Row> offered = db.read(c -> offered(c, kind, deviceId));
        return offered.isPresent() ? offered.get().version() : bundles.currentVersionFor(kind, deviceId, centre);
    }

    /** The bundle a device fetches; fetching the one a rollout offers marks the device as downloading. */
    public Optional<Bundles.Content> contentFor(String kind, String deviceId, String centre) throws SQLException {
        Optional<RolloutStore.Row> offered = db.read(c -> offered(c, kind, deviceId));
        if (offered.isEmpty()) {
            return bundles.currentFor(kind, deviceId, centre);
        }
        RolloutStore.Row r = offered.get();
        Instant now = clock.instant();
        db.write(c -> {
            if (RolloutStore.deviceState(c, r.id(), deviceId).orElse("").equals("offered")) {
                RolloutStore.setDevice(c, r.id(), deviceId, "downloading", null, now);
            }
            return null;
        });
        return bundles.content(r.bundleId());
    }

    private static Optional<RolloutStore.Row> offered(Connection c, String kind, String deviceId) throws SQLException {
        return RolloutStore.offeringTo(c, deviceId).stream()
                .filter(r -> r.kind().equals(kind))
                .findFirst();
    }

    /** Inside the heartbeat's transaction: the device's state in each rollout that reached it, then the waves. */
    public void heartbeat(Connection c, String deviceId, Heartbeat h, Instant now) throws SQLException {
        for (RolloutStore.Row r : RolloutStore.trackedFor(c, deviceId)) {
            // Two portals judging one wave at once could both start the next: the kind's lock puts them in turn.
            db.lock(c, "rollout:" + r.kind());
            long applied = r.kind().equals("catalogue") ? h.catalogueVersion() : h.configVersion();
            String state = RolloutStore.deviceState(c, r.id(), deviceId).orElseThrow();
            Optional<BundleRefused> refused = refusal(h.refused(), r.kind(), r.version());
            if (applied >= r.version()) {
                if (!state.equals("installed")) {
                    RolloutStore.setDevice(c, r.id(), deviceId, "installed", null, now);
                }
            } else if (state.equals("installed")) {
                RolloutStore.setDevice(
                        c,
                        r.id(),
                        deviceId,
                        "rolled_back",
                        refused.map(BundleRefused::reason).orElse("the device reports version " + applied + " again"),
                        now);
            } else if (refused.isPresent() && !state.equals("failed")) {
                RolloutStore.setDevice(
                        c, r.id(), deviceId, "failed", refused.get().reason(), now);
            }
            RolloutStore.evaluate(c, r.id(), now);
        }
    }

    private static Optional<BundleRefused> refusal(List<BundleRefused> refused, String kind, long version) {
        return refused.stream()
                .filter(b -> b.kind().equals(kind) && b.version() == version)
                .findFirst();
    }
}
