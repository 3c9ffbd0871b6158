package org.accesscentre.sync.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.accesscentre.sync.release.InstallJournal.Step;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseInstallerTest {
    @TempDir
    Path dir;

    private Releases releases;
    private BundleServer server;
    private Path root;
    private final AtomicInteger restarts = new AtomicInteger();
    private ReleaseInstaller installer;

    @org.junit.jupiter.api.BeforeEach
    void setUp() throws Exception {
        releases = new Releases(dir);
        server = new BundleServer();
        root = dir.resolve("releases");
        installer = releases.installer(root, restarts::incrementAndGet, InstallProgress.NONE);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private InstallJournal installAndRestart(long version) throws Exception {
        byte[] bundle = releases.bundle(version);
        server.serve(bundle);
        InstallJournal requested = installer.install(Releases.offer(server, version, bundle), Releases.DEVICE);
        assertEquals(Step.RESTART_REQUESTED, requested.step());
        ReleaseInstaller.Recovery recovery = installer.recover(); // what the restarted daemon does first
        assertEquals(ReleaseInstaller.Next.HEALTH_CHECK, recovery.next());
        return recovery.journal().orElseThrow();
    }

    private ReleaseSlots slots() throws Exception {
        return new ReleaseSlots(root, InstallProgress.NONE);
    }

    @Test
    void anUpgradeSwitchesCurrentAndACommitKeepsThePreviousSlot() throws Exception {
        installAndRestart(5);
        installer.commit();
        InstallJournal trial = installAndRestart(6);

        assertEquals(new InstallJournal(Step.HEALTH_CHECK, 5, 6, 6, ""), trial);
        InstallJournal committed = installer.commit();

        assertEquals(Step.COMMITTED, committed.step());
        assertEquals(6, slots().current());
        assertEquals(5, slots().previous());
        assertEquals(2, restarts.get());
        assertEquals(
                CraftedBundles.files(releases.releaseDir(6)).keySet(),
                CraftedBundles.files(root.resolve("6")).keySet());
        assertEquals(
                "kiosk-app 6",
                Files.readString(root.resolve("current/kiosk-app/kiosk-app.jar"))
                        .substring(5, 16));
    }

    @Test
    void aFailedHealthCheckBringsThePreviousReleaseBack() throws Exception {
        installAndRestart(5);
        installer.commit();
        installAndRestart(6);

        InstallJournal back = installer.rollback("kiosk-app showed no first frame within 60 s");

        assertEquals(
                new InstallJournal(Step.ROLLED_BACK, 5, 6, 5, "kiosk-app showed no first frame within 60 s"), back);
        assertEquals(5, slots().current());
        assertEquals(List.of("5", "current", "downloads", "install.json"), listing());
    }

    @Test
    void onlyTheCurrentAndPreviousSlotsAreKept() throws Exception {
        for (long v = 1; v <= 4; v++) {
            installAndRestart(v);
            installer.commit();
        }

        assertEquals(List.of("3", "4", "current", "downloads", "install.json", "previous"), listing());
    }

    @Test
    void aLowerVersionInstallsOnlyAsASignedRollback() throws Exception {
        installAndRestart(5);
        installer.commit();
        installAndRestart(6);
        installer.commit();
        byte[] five = releases.bundle(5);
        server.serve(five);

        ReleaseException e = assertThrows(
                ReleaseException.class, () -> installer.install(Releases.offer(server, 5, five), Releases.DEVICE));
        assertEquals(
                "refused: release 5 is older than release 6, which runs, and no signed rollback says to go back",
                e.getMessage());

        ReleaseOffer rollback = Releases.offer(server, 5, five);
        installer.install(
                new ReleaseOffer(5, rollback.url(), rollback.headers(), rollback.size(), rollback.sha256(), true),
                Releases.DEVICE);
        installer.recover();
        installer.commit();
        assertEquals(5, slots().current());
        assertEquals(6, slots().previous());
    }

    @Test
    void aBrokenDownloadIsJournalledAndResumesOnTheNextTry() throws Exception {
        installAndRestart(5);
        installer.commit();
        byte[] six = releases.bundle(releases.releaseDir(6), 6);
        server.serve(six).cutNextAfter(300);

        ReleaseException e = assertThrows(
                ReleaseException.class, () -> installer.install(Releases.offer(server, 6, six), Releases.DEVICE));

        assertTrue(e.retryable());
        InstallJournal journal = installer.journal().orElseThrow();
        assertEquals(Step.ABORTED, journal.step());
        assertTrue(journal.note().startsWith("the download broke at 300 of " + six.length), journal.note());
        assertEquals(5, slots().current());

        installer.install(Releases.offer(server, 6, six), Releases.DEVICE);
        assertEquals("bytes=300-", server.ranges.getLast());
        assertEquals(6, slots().current());
    }

    @Test
    void aNewInstallWaitsUntilTheOneOnTrialEnds() throws Exception {
        installAndRestart(5);

        ReleaseException e = assertThrows(
                ReleaseException.class,
                () -> installer.install(Releases.offer(server, 6, releases.bundle(6)), Releases.DEVICE));

        assertEquals("an install of release 5 is at HEALTH_CHECK; recover it first", e.getMessage());
        assertEquals(Optional.of(Step.HEALTH_CHECK), installer.journal().map(InstallJournal::step));
    }

    private List<String> listing() throws Exception {
        try (var s = Files.list(root)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
