package org.accesscentre.bench.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.function.LongPredicate;
import org.accesscentre.core.Release;
import org.accesscentre.core.state.AppActivity;
import org.accesscentre.core.state.AppStart;
import org.accesscentre.core.state.DeviceState;
import org.accesscentre.core.store.SqliteStore;
import org.accesscentre.core.store.StoreException;
import org.accesscentre.core.store.StoreOptions;
import org.accesscentre.device.config.DeviceConfig;
import org.accesscentre.device.identity.IdentityException;
import org.accesscentre.sync.SyncDaemon;
import org.jspecify.annotations.Nullable;

/**
 * A simulated kiosk whose real sync daemon is stepped on a shared test clock rather than run on a thread, for
 * fleet tests of rollouts. Its release slots are real; "restarting both services" closes the daemon and opens
 * a new one, as a process started again from {@code releases/current} would be, and the simulated app says
 * it started (or, for a release rigged to fail here, that it could not).
 */
public final class SteppedKiosk implements AutoCloseable {
    private static final int MAX_STEPS = 20;

    public final String name;
    private final DeviceConfig config;
    private final Clock clock;
    private final SyncDaemon.Options options;
    private LongPredicate startsFine;
    private final SqliteStore app;
    private @Nullable SyncDaemon daemon;
    private int restarts;

    /**
     * @param startsFine whether the simulated app starts on a release; false rigs its health check to fail
     */
    public SteppedKiosk(DeviceConfig config, Clock clock, SyncDaemon.Options options, LongPredicate startsFine)
            throws StoreException {
        this.name = config.centre() + "-" + config.kiosk();
        this.config = config;
        this.clock = clock;
        this.options = options;
        this.startsFine = startsFine;
        this.app = SqliteStore.open(SyncDaemon.storeFile(config.dataDir()), StoreOptions.DEFAULTS);
    }

    /**
     * Lays out the release the kiosk's image holds, as {@code releases/<version>} with {@code current} naming it,
     * from a release directory (the layout {@code kioskctl bundle release-dir} writes).
     */
    public static void image(Path dataDir, Path releaseDir, long version) throws IOException {
        Path releases = Files.createDirectories(dataDir.resolve("releases"));
        copyTree(releaseDir, releases.resolve(Long.toString(version)));
        Files.createSymbolicLink(releases.resolve("current"), Path.of(Long.toString(version)));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** Both services start: the app says so, and the daemon recovers whatever install was under way. */
    public void boot() throws StoreException, IOException, IdentityException {
        Instant now = clock.instant();
        long release = Release.running(config.dataDir());
        boolean fine = startsFine.test(release);
        DeviceState.write(
                app,
                AppStart.KEY,
                new AppStart(release, fine, fine ? "" : "the app stopped at start: rigged to fail on " + release, now),
                now);
        if (DeviceState.read(app, AppActivity.KEY).isEmpty()) {
            // Idle for a long while: the kiosk is free to restart whenever a release asks.
            DeviceState.write(app, AppActivity.KEY, new AppActivity(true, "", Instant.EPOCH), now);
        }
        daemon = SyncDaemon.open(config, clock, "access-centre-sim/" + release, options);
    }

    /** Runs the daemon's jobs due now, restarting both services when the daemon asks, as a supervisor would. */
    public void step() throws Exception {
        for (int i = 0; i < MAX_STEPS; i++) {
            SyncDaemon d = daemon;
            if (d == null) {
                boot();
                continue;
            }
            Instant next = d.engine().runDue();
            if (d.restartRequested()) {
                d.close();
                daemon = null;
                restarts++;
                continue;
            }
            if (next.isAfter(clock.instant())) {
                return;
            }
        }
    }

    /** A citizen starts using the kiosk (busy), or leaves it (idle from now on), as the app reports it. */
    public void inUse(boolean busy) throws StoreException {
        Instant now = clock.instant();
        AppActivity a = busy ? new AppActivity(false, "a citizen's form", now) : new AppActivity(true, "", now);
        DeviceState.write(app, AppActivity.KEY, a, now);
    }

    /** Rigs the simulated app: it fails to start on the releases this says no to. */
    public void rig(LongPredicate startsOn) {
        this.startsFine = startsOn;
    }

    /** The device id the portal gave at enrolment; empty before. */
    public String deviceId() throws StoreException {
        return DeviceState.read(app, DeviceState.ENROLMENT)
                .map(org.accesscentre.core.state.Enrolment::deviceId)
                .orElse("");
    }

    /** The release {@code current} names. */
    public long current() {
        return Release.running(config.dataDir());
    }

    public int restarts() {
        return restarts;
    }

    @Override
    public void close() throws StoreException {
        try {
            if (daemon != null) {
                daemon.close();
            }
        } finally {
            app.close();
        }
    }
}
