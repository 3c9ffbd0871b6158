package org.accesscentre.sync.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Headers;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.core.state.AppActivity;
import org.accesscentre.core.state.AppStart;
import org.accesscentre.core.state.DeviceState;
import org.accesscentre.core.store.SqliteStore;
import org.accesscentre.core.store.StoreOptions;
import org.accesscentre.core.wire.BundleRefused;
import org.accesscentre.core.wire.ReleaseOffered;
import org.accesscentre.core.wire.SignedOrder;
import org.accesscentre.device.bundle.RollbackOrder;
import org.accesscentre.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's release job on an injected clock: a real store, real slots, a real HTTP server for the bundle.
 * An offer that arrives while a citizen uses the kiosk is downloaded at once but installed only after the
 * session ends and the kiosk has been idle a while; after the restart the health check commits or rolls back.
 */
class ReleaseJobTest {
    private static final ReleaseJob.Settings SETTINGS =
            new ReleaseJob.Settings(Duration.ofMinutes(3), Duration.ofMinutes(2), 100_000, Duration.ofSeconds(15));

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T09:00:00Z"));
    private final AtomicInteger restarts = new AtomicInteger();
    private Releases releases;
    private BundleServer server;
    private SqliteStore store;
    private Path root;
    private byte[] six;

    @BeforeEach
    void runningFive() throws Exception {
        releases = new Releases(dir);
        server = new BundleServer();
        store = SqliteStore.open(dir.resolve("kiosk.db"), StoreOptions.DEFAULTS);
        root = dir.resolve("releases");
        ReleaseInstaller first = releases.installer(root, () -> {}, InstallProgress.NONE);
        byte[] five = releases.bundle(5);
        server.serve(five);
        first.install(Releases.offer(server, 5, five), Releases.DEVICE);
        first.recover();
        first.commit();
        Path in6 = releases.releaseDir(6);
        byte[] big = new byte[400_000]; // several pieces of the download
        new java.util.Random(6).nextBytes(big);
        java.nio.file.Files.write(in6.resolve("kiosk-app/lib/gamma-3.0.jar"), big);
        six = releases.bundle(in6, 6);
        server.serve(six);
        server.ranges.clear();
    }

    @AfterEach
    void close() throws Exception {
        store.close();
        server.close();
    }

    /** A daemon's job as it is when the daemon (re)starts. */
    private ReleaseJob job() throws Exception {
        ReleaseJob job = unstarted();
        job.start(clock.instant());
        return job;
    }

    private ReleaseJob unstarted() throws Exception {
        ReleaseJob job = new ReleaseJob(
                store,
                new ReleaseSlots(root, InstallProgress.NONE),
                releases.installer(root, restarts::incrementAndGet, InstallProgress.NONE),
                new ResumableDownload(releases.client, Releases.MAX_BYTES),
                List.of(releases.key.getPublic()),
                restarts::incrementAndGet,
                SETTINGS,
                server.url(),
                InstallProgress.NONE);
        job.tokens(new ReleaseJob.Tokens() {
            @Override
            public Headers headers() {
                return Headers.of("Authorization", "Bearer test");
            }

            @Override
            public void expired() {}
        });
        return job;
    }

    private ReleaseOffered offerOf(long version, byte[] bundle, SignedOrder order) {
        return new ReleaseOffered(version, bundle.length, CraftedBundles.sha256(bundle), order);
    }

    private void activity(boolean idle, String what) throws Exception {
        DeviceState.write(store, AppActivity.KEY, new AppActivity(idle, what, clock.instant()), clock.instant());
    }

    private long current() throws Exception {
        return new ReleaseSlots(root, InstallProgress.NONE).current();
    }

    /** Runs the job until it asks to come back later than now; returns that time. */
    private Instant runUntilItWaits(ReleaseJob job) throws Exception {
        for (int i = 0; i < 100; i++) {
            Instant next = job.run(clock.instant(), Releases.DEVICE);
            if (next.isAfter(clock.instant())) {
                return next;
            }
        }
        throw new AssertionError("the job never waited");
    }

    @Test
    void aReleaseOfferedDuringASessionInstallsOnlyAfterTheSessionEndsAndTheKioskWasIdleAWhile() throws Exception {
        activity(false, "a citizen's form");
        ReleaseJob job = job();
        job.offered(offerOf(6, six, null));

        Instant next = runUntilItWaits(job);

        assertEquals(clock.instant().plus(Duration.ofSeconds(15)), next, "looks again in 15 s");
        assertEquals((six.length + 99_999) / 100_000, server.ranges.size(), "downloaded in pieces meanwhile");
        assertEquals(5, current(), "nothing switched while in use");
        assertEquals(0, restarts.get(), "nothing restarted while in use");

        clock.advance(Duration.ofMinutes(20)); // a long session: still waiting
        runUntilItWaits(job);
        assertEquals(5, current());

        activity(true, ""); // the citizen is done: idle from now
        clock.advance(Duration.ofMinutes(1));
        runUntilItWaits(job);
        assertEquals(5, current(), "idle for one minute only");
        assertEquals(0, restarts.get());

        clock.advance(Duration.ofMinutes(1));
        job.run(clock.instant(), Releases.DEVICE);
        assertEquals(6, current(), "idle for two minutes: installed");
        assertEquals(1, restarts.get(), "both services restarted");

        // The restarted daemon: release 6 is on trial and the portal still hears 5 until it passes.
        ReleaseJob restarted = job();
        assertTrue(restarted.onTrial());
        assertEquals(5, restarted.release());
        assertEquals(clock.instant().plus(Duration.ofMinutes(3)), restarted.run(clock.instant(), Releases.DEVICE));

        clock.advance(Duration.ofSeconds(2));
        DeviceState.write(store, AppStart.KEY, new AppStart(6, true, "", clock.instant()), clock.instant());
        restarted.run(clock.instant(), Releases.DEVICE);

        assertFalse(restarted.onTrial());
        assertEquals(6, restarted.release());
        assertEquals(6, current());
        assertEquals(Optional.empty(), restarted.report());
        assertEquals(
                InstallJournal.Step.COMMITTED,
                releases.installer(root, () -> {}, InstallProgress.NONE)
                        .journal()
                        .orElseThrow()
                        .step());
    }

    @Test
    void anAppThatFailsToStartTheNewReleaseRollsItBackAndTheRefusalSaysSo() throws Exception {
        ReleaseJob job = job();
        job.offered(offerOf(6, six, null));
        runUntilItWaits(job);
        assertEquals(6, current());

        ReleaseJob restarted = job();
        DeviceState.write(
                store,
                AppStart.KEY,
                new AppStart(6, false, "NoClassDefFoundError: javafx/scene/Node", clock.instant()),
                clock.instant());
        restarted.run(clock.instant(), Releases.DEVICE);

        assertEquals(5, current(), "the previous slot is back");
        assertEquals(2, restarts.get(), "restarted into 6, then back into 5");
        BundleRefused report = restarted.report().orElseThrow();
        assertTrue(report.rolledBack());
        assertEquals(6, report.version());
        assertTrue(report.reason().contains("NoClassDefFoundError"), report.reason());

        // The portal offers 6 again: the kiosk does not try it twice.
        ReleaseJob again = job();
        again.offered(offerOf(6, six, null));
        assertEquals(Instant.MAX, again.run(clock.instant(), Releases.DEVICE));
        assertEquals(5, current());
        assertEquals(2, restarts.get());
    }

    @Test
    void whenTheNewDaemonCannotStartTheRescueFromThePreviousSlotRollsBack() throws Exception {
        ReleaseJob job = job();
        job.offered(offerOf(6, six, null));
        runUntilItWaits(job);
        assertEquals(6, current());

        // The daemon of release 6 never starts; systemd runs release 5's with --rescue.
        ReleaseJob rescue = unstarted();
        assertTrue(rescue.rescue(clock.instant(), "its sync daemon did not start"));

        assertEquals(5, current());
        BundleRefused report = rescue.report().orElseThrow();
        assertTrue(report.rolledBack());
        assertTrue(report.reason().contains("its sync daemon did not start"), report.reason());
        assertFalse(rescue.rescue(clock.instant(), "again"), "nothing left to rescue");
    }

    @Test
    void noFirstFrameWithinTheDeadlineRollsBack() throws Exception {
        ReleaseJob job = job();
        job.offered(offerOf(6, six, null));
        runUntilItWaits(job);
        ReleaseJob restarted = job();
        // The old app's word does not count: it names release 5.
        DeviceState.write(store, AppStart.KEY, new AppStart(5, true, "", clock.instant()), clock.instant());

        clock.advance(Duration.ofSeconds(179));
        restarted.run(clock.instant(), Releases.DEVICE);
        assertEquals(6, current(), "still within the deadline");

        clock.advance(Duration.ofSeconds(1));
        restarted.run(clock.instant(), Releases.DEVICE);
        assertEquals(5, current());
        assertTrue(restarted.report().orElseThrow().reason().contains("no first frame"));
    }

    @Test
    void anOlderReleaseNeedsARollbackOrderSignedByATrustedKeyThatCoversTheRunningRelease() throws Exception {
        byte[] four = releases.bundle(4);
        server.serve(four);
        Instant issued = clock.instant();

        ReleaseJob job = job();
        job.offered(offerOf(4, four, null));
        assertEquals(Instant.MAX, job.run(clock.instant(), Releases.DEVICE));
        assertTrue(job.report().orElseThrow().reason().contains("no signed rollback order"));

        SignedOrder byStranger = new RollbackOrder(4, 5, "5 loses receipts", issued)
                .sign(Keys.generate(Keys.ED25519).getPrivate());
        assertRefused(four, byStranger, "unknown key");
        SignedOrder otherRelease = new RollbackOrder(3, 5, "x", issued).sign(releases.key.getPrivate());
        assertRefused(four, otherRelease, "is for release 3");
        assertEquals(5, current());

        SignedOrder order = new RollbackOrder(4, 5, "5 loses receipts", issued).sign(releases.key.getPrivate());
        ReleaseJob ordered = job();
        ordered.offered(offerOf(4, four, order));
        runUntilItWaits(ordered);
        assertEquals(4, current(), "a signed order takes the kiosk back");
    }

    private void assertRefused(byte[] bundle, SignedOrder order, String why) throws Exception {
        ReleaseJob job = job();
        job.offered(offerOf(4, bundle, order));
        assertEquals(Instant.MAX, job.run(clock.instant(), Releases.DEVICE));
        String reason = job.report().orElseThrow().reason();
        assertTrue(reason.contains(why), reason);
    }
}
