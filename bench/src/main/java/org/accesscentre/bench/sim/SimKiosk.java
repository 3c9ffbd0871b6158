package org.accesscentre.bench.sim;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.accesscentre.core.Release;
import org.accesscentre.core.state.DeviceState;
import org.accesscentre.core.state.SyncStatus;
import org.accesscentre.core.store.SqliteStore;
import org.accesscentre.core.store.StoreException;
import org.accesscentre.core.store.StoreOptions;
import org.accesscentre.core.store.SyncCounts;
import org.accesscentre.device.config.DeviceConfig;
import org.accesscentre.sync.SyncDaemon;
import org.jspecify.annotations.Nullable;

/**
 * One simulated kiosk: the real store on its own file, the app's submit path on one connection and the real
 * sync daemon, with its run loop on its own thread, on another. Everything it knows lives in its data
 * directory, so a killed run picks up where it stopped.
 */
final class SimKiosk implements AutoCloseable {
    final String name;
    private final DeviceConfig config;
    private final SqliteStore app;
    private final RealisticSubmissions submissions;
    private @Nullable SyncDaemon daemon;
    private @Nullable Thread loop;
    private volatile @Nullable Throwable failure;

    private SimKiosk(String name, DeviceConfig config, SqliteStore app, RealisticSubmissions submissions) {
        this.name = name;
        this.config = config;
        this.app = app;
        this.submissions = submissions;
    }

    static SimKiosk open(DeviceConfig config, Clock clock, long seed) throws StoreException {
        String name = config.centre() + "-" + config.kiosk();
        SqliteStore app = SqliteStore.open(
                SyncDaemon.storeFile(config.dataDir()), StoreOptions.DEFAULTS.withMaxBytes(config.storeMaxBytes()));
        return new SimKiosk(
                name,
                config,
                app,
                new RealisticSubmissions(
                        app,
                        config.portal().envelopeKey(),
                        config.centre(),
                        config.kiosk(),
                        config.timeZone(),
                        clock,
                        seed ^ name.hashCode()));
    }

    void startDaemon(Clock clock) throws Exception {
        SyncDaemon d = SyncDaemon.open(config, clock, "access-centre-sim/" + Release.NUMBER);
        daemon = d;
        loop = Thread.ofPlatform().name("sync-" + name).start(() -> {
            try {
                d.run();
            } catch (Throwable t) {
                failure = t;
            }
        });
    }

    boolean enrolled() throws StoreException {
        return DeviceState.read(app, DeviceState.ENROLMENT).isPresent();
    }

    /** Submits until the store holds {@code total} requests in all; returns how many this call added. */
    int submitUpTo(long total) throws StoreException {
        int added = 0;
        for (long held = app.counts().total(); held < total; held++) {
            submissions.next();
            added++;
        }
        return added;
    }

    SyncCounts counts() throws StoreException {
        return app.counts();
    }

    Optional<String> problem() throws StoreException {
        if (failure != null) {
            return Optional.of("the daemon stopped: " + failure);
        }
        return DeviceState.read(app, DeviceState.SYNC).map(SyncStatus::lastError);
    }

    /** Stops the daemon and waits for its loop, so nothing is left in flight, then closes both stores. */
    @Override
    public void close() throws StoreException {
        try {
            if (daemon != null) {
                daemon.stop();
                if (loop != null) {
                    loop.join(Duration.ofSeconds(30));
                }
                daemon.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            app.close();
        }
    }
}
