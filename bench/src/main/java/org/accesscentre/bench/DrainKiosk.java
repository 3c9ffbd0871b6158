package org.accesscentre.bench;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.accesscentre.bench.sim.RealisticSubmissions;
import org.accesscentre.core.Release;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.core.state.DeviceState;
import org.accesscentre.core.store.SqliteStore;
import org.accesscentre.core.store.StoreOptions;
import org.accesscentre.core.store.SyncCounts;
import org.accesscentre.device.config.DeviceConfig;
import org.accesscentre.device.config.NewKioskConfig;
import org.accesscentre.sync.SyncDaemon;
import org.accesscentre.sync.jobs.Drain;
import org.accesscentre.testing.link.LinkEmulator;
import org.jspecify.annotations.Nullable;

/**
 * One kiosk with a full outbox, drained through the link by the real sync daemon: its own configuration,
 * identity and SQLite store, enrolled at the portal through the link before anything is timed. The outbox is
 * filled by the app's submit path while the daemon is idle; then the daemon's own loop drains it, and the
 * clock and the link's byte counters run from its first request until the store says every submission is
 * acknowledged.
 */
final class DrainKiosk {
    /** How often the store is looked at while the daemon drains: small against any real drain. */
    private static final Duration LOOK_EVERY = Duration.ofMillis(20);

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(15);
    private static final ZoneId ZONE = ZoneId.of("America/St_Lucia");

    /**
     * What one drain cost.
     *
     * @param requests requests the portal answered while the outbox drained
     */
    record Figures(
            int count,
            long acknowledged,
            long rejected,
            double seconds,
            long bytesUp,
            long bytesDown,
            long requests,
            long connections) {
        long wireBytes() {
            return bytesUp + bytesDown;
        }

        double wireBytesPerTransaction() {
            return (double) wireBytes() / count;
        }
    }

    private final BenchPortal portal;
    private final LinkEmulator link;
    private final PrintWriter progress;
    private final Clock clock = Clock.systemUTC();

    DrainKiosk(BenchPortal portal, LinkEmulator link, PrintWriter progress) {
        this.portal = portal;
        this.link = link;
        this.progress = progress;
    }

    /** Enrols a kiosk in {@code dir} as {@code centre}-{@code kiosk}, fills its outbox and drains it. */
    Figures drain(Path dir, String centre, int kiosk, int count, Drain.BatchLimits batches, long seed, Duration timeout)
            throws Exception {
        DeviceConfig config = new NewKioskConfig(
                        centre,
                        kiosk,
                        URI.create(link.url()),
                        Keys.toBase64(portal.envelopeKey()),
                        // The kiosk installs no bundle here; it trusts a key nobody signs with.
                        List.of(Keys.toBase64(Keys.generate(Keys.ED25519).getPublic())),
                        List.of("en", "fr"),
                        ZONE,
                        dir.resolve("data").toAbsolutePath(),
                        portal.enrolmentCode(centre, kiosk))
                .write(dir.resolve("config.json"));
        SyncDaemon daemon = SyncDaemon.open(
                config,
                clock,
                "access-centre-bench/" + Release.NUMBER,
                SyncDaemon.Options.DEFAULTS.withBatches(batches));
        Thread loop = null;
        AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
        try (SqliteStore app = SqliteStore.open(SyncDaemon.storeFile(config.dataDir()), StoreOptions.DEFAULTS)) {
            daemon.engine().runDue(); // enrols, signs in, beats once, finds nothing to send: the link is up
            if (DeviceState.read(app, DeviceState.ENROLMENT).isEmpty()) {
                throw new IllegalStateException(centre + "-" + kiosk + " did not enrol: "
                        + daemon.engine().link().lastError());
            }
            RealisticSubmissions submissions =
                    new RealisticSubmissions(app, config.portal().envelopeKey(), centre, kiosk, ZONE, clock, seed);
            for (int i = 0; i < count; i++) {
                submissions.next();
            }
            progress.printf("%s-%d: %d submissions queued; draining%n", centre, kiosk, count);
            progress.flush();

            long requestsBefore = portal.requestsAnswered();
            link.resetCounters();
            long start = System.nanoTime();
            daemon.engine().newSubmissions();
            loop = Thread.ofPlatform().name("sync-" + centre + "-" + kiosk).start(() -> {
                try {
                    daemon.run();
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            SyncCounts counts = awaitDrained(app, count, start, timeout, failure);
            double seconds = (System.nanoTime() - start) / 1e9;
            long bytesUp = link.bytesUp();
            long bytesDown = link.bytesDown();
            long connections = link.connections();
            long requests = portal.requestsAnswered() - requestsBefore;
            return new Figures(
                    count,
                    counts.acknowledged(),
                    counts.rejected(),
                    seconds,
                    bytesUp,
                    bytesDown,
                    requests,
                    connections);
        } finally {
            daemon.stop();
            if (loop != null) {
                loop.join(Duration.ofSeconds(30));
            }
            daemon.close();
        }
    }

    private SyncCounts awaitDrained(
            SqliteStore app, int count, long start, Duration timeout, AtomicReference<@Nullable Throwable> failure)
            throws Exception {
        long deadline = start + timeout.toNanos();
        long nextProgress = start + PROGRESS_EVERY.toNanos();
        while (true) {
            SyncCounts c = app.counts();
            if (c.unsent() == 0 && c.total() >= count) {
                return c;
            }
            Throwable stopped = failure.get();
            if (stopped != null) {
                throw new IllegalStateException("the daemon stopped: " + stopped, stopped);
            }
            long now = System.nanoTime();
            if (now > deadline) {
                throw new IllegalStateException("gave up after " + timeout + ": " + c + "; last error: "
                        + DeviceState.read(app, DeviceState.SYNC)
                                .map(s -> s.lastError())
                                .orElse("none"));
            }
            if (now > nextProgress) {
                progress.printf(
                        "%.0f s: %d of %d acknowledged, %d bytes up, %d down%n",
                        (now - start) / 1e9, c.acknowledged(), count, link.bytesUp(), link.bytesDown());
                progress.flush();
                nextProgress = now + PROGRESS_EVERY.toNanos();
            }
            Thread.sleep(LOOK_EVERY.toMillis()); // a benchmark watching a store another thread fills
        }
    }
}
