package org.accesscentre.portal.rollouts;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.accesscentre.core.json.Json;
import org.accesscentre.core.wire.BundleRefused;
import org.accesscentre.core.wire.Heartbeat;
import org.accesscentre.core.wire.ReleaseOffered;
import org.accesscentre.core.wire.SignedOrder;
import org.accesscentre.portal.bundles.Bundles;
import org.accesscentre.portal.db.Database;
import org.jspecify.annotations.Nullable;

/**
 * The device's side of rollouts. What a device should run of a kind comes from the active rollout once its
 * wave has started, and otherwise from what is published (less what waits for a rollout). A release comes only
 * from a rollout: the heartbeat's reply offers it while the device is offered it or downloading it. The
 * device's state in the rollout follows from what it does: fetching the bundle is {@code downloading}; a
 * heartbeat that reports the version applied is {@code installed}; one that reports it refused is {@code failed}
 * with the device's reason; an installed device that reports an older version again, or one that reports it
 * rolled a release back, has {@code rolled_back}.
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

    /** A release a rollout offers a device: the bundle and, for a rollback, the ICT office's order. */
    public record Release(
            long bundleId,
            long version,
            long size,
            String sha256,
            @Nullable SignedOrder rollback) {
        public ReleaseOffered offer() {
            return new ReleaseOffered(version, size, sha256, rollback);
        }
    }

    /**
     * The release the heartbeat's reply offers: the newest release rollout's, while the device is offered it
     * or downloading it and does not already run it ({@code appVersion} is the release number it reports).
     */
    public Optional<ReleaseOffered> releaseFor(String deviceId, String appVersion) throws SQLException {
        return db.read(c -> offered(RolloutStore.newestRelease(c, deviceId)))
                .filter(r -> r.version() != RolloutBundle.release(appVersion))
                .map(Release::offer);
    }

    /** The release a device fetches, as {@link #releaseFor}; fetching it marks the device as downloading. */
    public Optional<Release> releaseDownload(String deviceId) throws SQLException {
        Optional<RolloutStore.ReleaseRow> row = db.read(c -> RolloutStore.newestRelease(c, deviceId));
        Optional<Release> offered = offered(row);
        if (offered.isPresent() && row.orElseThrow().deviceState().equals("offered")) {
            long rollout = row.orElseThrow().rolloutId();
            Instant now = clock.instant();
            db.write(c -> {
                if (RolloutStore.deviceState(c, rollout, deviceId).orElse("").equals("offered")) {
                    RolloutStore.setDevice(c, rollout, deviceId, "downloading", null, now);
                }
                return null;
            });
        }
        return offered;
    }

    private static Optional<Release> offered(Optional<RolloutStore.ReleaseRow> row) {
        if (row.isEmpty()
                || row.get().rolloutState().equals("aborted")
                || !(row.get().deviceState().equals("offered")
                        || row.get().deviceState().equals("downloading"))) {
            return Optional.empty();
        }
        RolloutStore.ReleaseRow r = row.get();
        return Optional.of(new Release(r.bundleId(), r.version(), r.size(), r.sha256(), order(r.rollbackOrder())));
    }

    static @Nullable SignedOrder order(@Nullable String json) {
        if (json == null) {
            return null;
        }
        try {
            return Json.wire().readValue(json, SignedOrder.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a stored rollback order is not JSON", e);
        }
    }

    /** Inside the heartbeat's transaction: the device's state in each rollout that reached it, then the waves. */
    public void heartbeat(Connection c, String deviceId, Heartbeat h, Instant now) throws SQLException {
        for (RolloutStore.Row r : RolloutStore.trackedFor(c, deviceId)) {
            // Two portals judging one wave at once could both start the next: the kind's lock puts them in turn.
            db.lock(c, "rollout:" + r.kind());
            String state = RolloutStore.deviceState(c, r.id(), deviceId).orElseThrow();
            Optional<BundleRefused> refused = refusal(h.refused(), r.kind(), r.version());
            Optional<Change> change = r.kind().equals("release")
                    ? release(r, state, RolloutBundle.release(h.appVersion()), refused)
                    : bundle(
                            state, r.kind().equals("catalogue") ? h.catalogueVersion() : h.configVersion(), r, refused);
            if (change.isPresent()) {
                RolloutStore.setDevice(
                        c, r.id(), deviceId, change.get().state(), change.get().reason(), now);
            }
            RolloutStore.evaluate(c, r.id(), now);
        }
    }

    private record Change(String state, @Nullable String reason) {}

    /** A catalogue or configuration: a version at or above the rollout's is installed. */
    private static Optional<Change> bundle(
            String state, long applied, RolloutStore.Row r, Optional<BundleRefused> refused) {
        return settle(state, applied >= r.version(), "version " + applied, refused);
    }

    /**
     * A release, by the release number the device reports. An upgrade is installed at the rollout's release or
     * above; a rollback only at its release exactly, since the devices it takes back all run newer ones.
     */
    private static Optional<Change> release(
            RolloutStore.Row r, String state, long applied, Optional<BundleRefused> refused) {
        boolean reached = r.rollback() ? applied == r.version() : applied >= r.version();
        if (refused.isPresent() && refused.get().rolledBack()) {
            // It switched, failed its health check and went back: rolled back, whatever we saw before.
            return state.equals("rolled_back")
                    ? Optional.empty()
                    : Optional.of(new Change("rolled_back", refused.get().reason()));
        }
        return settle(state, reached, "release " + applied, refused);
    }

    /**
     * The same for every kind: installed once the device reached the rollout's version; rolled back if it had
     * and no longer has; failed when it refused the bundle. {@code reports} is what the device now runs.
     */
    private static Optional<Change> settle(
            String state, boolean reached, String reports, Optional<BundleRefused> refused) {
        if (reached) {
            return state.equals("installed") ? Optional.empty() : Optional.of(new Change("installed", null));
        }
        if (state.equals("installed")) {
            return Optional.of(new Change(
                    "rolled_back",
                    refused.map(BundleRefused::reason).orElse("the device reports " + reports + " again")));
        }
        if (refused.isPresent() && !state.equals("failed")) {
            return Optional.of(new Change("failed", refused.get().reason()));
        }
        return Optional.empty();
    }

    private static Optional<BundleRefused> refusal(List<BundleRefused> refused, String kind, long version) {
        return refused.stream()
                .filter(b -> b.kind().equals(kind) && b.version() == version)
                .findFirst();
    }
}
