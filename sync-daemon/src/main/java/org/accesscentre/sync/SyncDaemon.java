package org.accesscentre.sync;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.accesscentre.core.state.DeviceState;
import org.accesscentre.core.state.RestartRequest;
import org.accesscentre.core.store.SqliteStore;
import org.accesscentre.core.store.StoreException;
import org.accesscentre.core.store.StoreOptions;
import org.accesscentre.device.bundle.BundleVerifier;
import org.accesscentre.device.config.DeviceConfig;
import org.accesscentre.device.identity.DeviceIdentity;
import org.accesscentre.device.identity.IdentityException;
import org.accesscentre.sync.jobs.BundleStager;
import org.accesscentre.sync.jobs.Drain;
import org.accesscentre.sync.net.PortalClient;
import org.accesscentre.sync.release.DeviceVersions;
import org.accesscentre.sync.release.InstallProgress;
import org.accesscentre.sync.release.ReleaseInstaller;
import org.accesscentre.sync.release.ReleaseJob;
import org.accesscentre.sync.release.ReleaseSlots;
import org.accesscentre.sync.release.ResumableDownload;
import org.accesscentre.sync.release.Supervisor;
import org.accesscentre.sync.release.SystemctlSupervisor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One kiosk's daemon: the store in the data directory, the device identity, the portal client, and the
 * engine, run in a loop that wakes when the engine says or when the app commits a submission.
 */
public final class SyncDaemon implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncDaemon.class);
    /** How often the store is looked at for the app's commits: a drain starts within a second. */
    static final Duration WATCH_EVERY = Duration.ofMillis(500);
    /** The largest release bundle a kiosk downloads. */
    static final long MAX_RELEASE_BYTES = 256L << 20;

    private final SqliteStore store;
    private final SyncEngine engine;
    private final PortalClient client;
    private final Clock clock;
    private final Waiter waiter;
    private final ScheduledExecutorService watcher;
    private volatile boolean running = true;
    private volatile boolean stopped;
    private volatile boolean restart;
    /** The configuration the app had brought into force when this daemon started, by bundle version. */
    private final long configAtStart;

    private SyncDaemon(SqliteStore store, SyncEngine engine, PortalClient client, Clock clock) throws StoreException {
        this.configAtStart = DeviceVersions.of(store).config();
        this.store = store;
        this.engine = engine;
        this.client = client;
        this.clock = clock;
        this.waiter = new Waiter(clock);
        this.watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "store-watcher");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * How a daemon talks to its portal: its timeouts, and how much each batch of the outbox may hold.
     * {@link #DEFAULTS} is what a kiosk runs with; tests and benchmarks change one part.
     */
    public record Options(
            PortalClient.Timeouts timeouts,
            Drain.BatchLimits batches,
            Restart restart,
            ReleaseJob.Settings releases,
            InstallProgress installProgress) {
        public static final Options DEFAULTS = new Options(
                PortalClient.Timeouts.RURAL,
                Drain.BatchLimits.DEFAULT,
                Restart.EXIT,
                ReleaseJob.Settings.DEFAULTS,
                point -> LOG.debug("release install: {}", point));

        public Options withTimeouts(PortalClient.Timeouts t) {
            return new Options(t, batches, restart, releases, installProgress);
        }

        public Options withBatches(Drain.BatchLimits b) {
            return new Options(timeouts, b, restart, releases, installProgress);
        }

        public Options withRestart(Restart r) {
            return new Options(timeouts, batches, r, releases, installProgress);
        }

        public Options withReleases(ReleaseJob.Settings r) {
            return new Options(timeouts, batches, restart, r, installProgress);
        }

        /** Told each point an install reaches: the log by default; crash tests stop there. */
        public Options withInstallProgress(InstallProgress p) {
            return new Options(timeouts, batches, restart, releases, p);
        }
    }

    /**
     * How both services restart after a release switch: {@link #SYSTEMD} asks systemd to restart the units;
     * {@link #EXIT} asks the app to restart (it exits with {@link #RESTART_EXIT_CODE} when idle) and ends this
     * daemon with that code, for a supervisor that starts both again from {@code releases/current}: the demo's
     * loop, or systemd units with {@code Restart=always}.
     */
    public enum Restart {
        SYSTEMD,
        EXIT
    }

    /** What the daemon and the app exit with to be started again. */
    public static final int RESTART_EXIT_CODE = 75;

    /** The files a daemon keeps under the data directory. */
    public static Path storeFile(Path dataDir) {
        return SqliteStore.fileIn(dataDir);
    }

    public static SyncDaemon open(DeviceConfig config, Clock clock, String userAgent)
            throws StoreException, IOException, IdentityException {
        return open(config, clock, userAgent, Options.DEFAULTS);
    }

    public static SyncDaemon open(DeviceConfig config, Clock clock, String userAgent, PortalClient.Timeouts timeouts)
            throws StoreException, IOException, IdentityException {
        return open(config, clock, userAgent, Options.DEFAULTS.withTimeouts(timeouts));
    }

    public static SyncDaemon open(DeviceConfig config, Clock clock, String userAgent, Options options)
            throws StoreException, IOException, IdentityException {
        Path data = config.dataDir();
        SqliteStore store =
                SqliteStore.open(storeFile(data), StoreOptions.DEFAULTS.withMaxBytes(config.storeMaxBytes()));
        try {
            DeviceIdentity identity = DeviceIdentity.loadOrCreate(data.resolve("identity"));
            PortalClient client = new PortalClient(
                    config.portal().url(),
                    PortalClient.httpClient(
                            config.portal().url(), config.portal().pinSha256(), options.timeouts()),
                    userAgent);
            BundleStager bundles = new BundleStager(store, data.resolve("bundles"), config.trustedSigningKeys());
            SyncDaemon[] self = {null};
            Supervisor supervisor = options.restart() == Restart.SYSTEMD
                    ? SystemctlSupervisor.standard()
                    : () -> {
                        SyncDaemon d = self[0];
                        if (d != null) {
                            d.restartBoth();
                        }
                    };
            ReleaseJob releases = releaseJob(config, store, client, supervisor, options);
            SyncEngine engine = new SyncEngine(
                    store,
                    store.journal(),
                    client,
                    identity,
                    config.enrolmentCode(),
                    bundles,
                    options.batches(),
                    data,
                    config.retention(),
                    clock,
                    RandomGenerator.getDefault(),
                    releases);
            int requeued = store.requeueInFlight();
            if (requeued > 0) {
                LOG.info("sending again {} submissions that were in flight when the daemon last stopped", requeued);
            }
            SyncDaemon daemon = new SyncDaemon(store, engine, client, clock);
            self[0] = daemon;
            releases.start(clock.instant());
            return daemon;
        } catch (StoreException | IOException | IdentityException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    public SyncEngine engine() {
        return engine;
    }

    private static ReleaseJob releaseJob(
            DeviceConfig config, SqliteStore store, PortalClient client, Supervisor supervisor, Options options)
            throws IOException {
        ReleaseSlots slots = new ReleaseSlots(config.dataDir().resolve("releases"), options.installProgress());
        ResumableDownload download = new ResumableDownload(client.http(), MAX_RELEASE_BYTES);
        return new ReleaseJob(
                store,
                slots,
                new ReleaseInstaller(
                        slots,
                        new BundleVerifier(config.trustedSigningKeys()),
                        download,
                        supervisor,
                        options.installProgress()),
                download,
                config.trustedSigningKeys(),
                supervisor,
                options.releases(),
                client.releaseUrl(),
                options.installProgress());
    }

    /**
     * {@code sync-daemon --rescue}: what systemd runs from the {@code previous} slot when the new release's
     * daemon fails to start again and again. Rolls the release on trial back and restarts both services.
     *
     * @return true if it rolled back
     */
    public static boolean rescue(DeviceConfig config, Clock clock, String why, Options options)
            throws StoreException, IOException {
        try (SqliteStore store = SqliteStore.open(
                storeFile(config.dataDir()), StoreOptions.DEFAULTS.withMaxBytes(config.storeMaxBytes()))) {
            PortalClient client = new PortalClient(
                    config.portal().url(),
                    PortalClient.httpClient(
                            config.portal().url(), config.portal().pinSha256(), options.timeouts()),
                    "access-centre-sync-rescue");
            Supervisor supervisor = options.restart() == Restart.SYSTEMD ? SystemctlSupervisor.standard() : () -> {};
            ReleaseJob job = releaseJob(config, store, client, supervisor, options);
            boolean rolledBack = job.rescue(clock.instant(), why);
            if (rolledBack) {
                supervisor.restartAll();
            }
            return rolledBack;
        }
    }

    /** Runs until {@link #stop}: does what is due, then waits until the next time or a wake-up. */
    public void run() throws StoreException {
        long[] lastVersion = {store.dataVersion()};
        watcher.scheduleWithFixedDelay(
                () -> {
                    try {
                        long v = store.dataVersion();
                        if (v != lastVersion[0]) {
                            lastVersion[0] = v;
                            engine.newSubmissions();
                            waiter.wake();
                            restartForNewConfig();
                        }
                    } catch (StoreException e) {
                        LOG.warn("cannot look at the store: {}", e.getMessage());
                    }
                },
                WATCH_EVERY.toMillis(),
                WATCH_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        Systemd.ready();
        Instant nextWatchdog = Instant.EPOCH;
        try {
            while (running) {
                Instant next = engine.runDue();
                if (Systemd.watchdogEvery().isPresent() && !clock.instant().isBefore(nextWatchdog)) {
                    Systemd.watchdog();
                    nextWatchdog = clock.instant().plus(Systemd.watchdogEvery().get());
                    next = next.isAfter(nextWatchdog) ? nextWatchdog : next;
                }
                waiter.awaitUntil(next);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            watcher.shutdownNow();
            stopped = true;
        }
    }

    /**
     * After a release switch or rollback, with {@link Restart#EXIT}: the app is asked to restart (it does when
     * idle), and this daemon stops, to exit with {@link #RESTART_EXIT_CODE}.
     */
    private void restartBoth() throws IOException {
        Instant now = clock.instant();
        try {
            DeviceState.write(
                    store,
                    RestartRequest.KEY,
                    new RestartRequest(releaseSlotsCurrent(), "a release was switched", now),
                    now);
        } catch (StoreException e) {
            throw new IOException("cannot ask the app to restart: " + e.getMessage(), e);
        }
        restart = true;
        stop();
    }

    /**
     * Whether the app brought a newer configuration into force since this daemon started (its portal pins,
     * trusted signing keys and retention are read once, at start). If so the daemon stops, to exit with
     * {@link #RESTART_EXIT_CODE} and be started again with it: the demo's loop and systemd's
     * {@code Restart=always} both do. Only the daemon restarts; the app already runs the new configuration.
     * Once per configuration: the next daemon starts from the version now in force.
     */
    boolean restartForNewConfig() throws StoreException {
        long inForce = DeviceVersions.of(store).config();
        if (inForce <= configAtStart || restart) {
            return false;
        }
        LOG.info(
                "configuration version {} is in force (this daemon started with version {}): restarting to use it",
                inForce,
                configAtStart);
        restart = true;
        stop();
        return true;
    }

    private long releaseSlotsCurrent() throws IOException {
        return engine.release().current();
    }

    /** Whether the daemon stopped to be started again from {@code releases/current}. */
    public boolean restartRequested() {
        return restart;
    }

    /** Asks the loop to stop and cancels a call in progress; {@link #close} then waits for it. */
    public void stop() {
        running = false;
        client.http().dispatcher().cancelAll();
        waiter.wake();
    }

    /** After the loop stopped: nothing is left in flight, nothing half-marked. */
    @Override
    public void close() throws StoreException {
        stop();
        try {
            if (stopped) {
                int requeued = store.requeueInFlight();
                if (requeued > 0) {
                    LOG.info("put {} submissions back in the queue on the way out", requeued);
                }
            }
        } finally {
            store.close();
            client.http().dispatcher().executorService().shutdown();
            client.http().connectionPool().evictAll();
        }
    }
}
