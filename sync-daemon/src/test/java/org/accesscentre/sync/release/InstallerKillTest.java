package org.accesscentre.sync.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.sync.release.InstallJournal.Step;
import org.accesscentre.testing.ChildJvm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The installer runs in its own JVM and is SIGKILLed at every point of every step: download, verify,
 * unpack, switch, restart requested, health check. Then recovery runs, as the restarted daemon's would:
 * {@code current} must name a complete slot, the old release or the new one, and the journal must say which.
 */
class InstallerKillTest {
    private static final long WAIT_SECONDS = 60;

    @TempDir
    Path dir;

    private Releases releases;
    private BundleServer server;
    private Path root;
    private Path publicKey;
    private byte[] six;
    private Map<String, String> fiveFiles;
    private Map<String, String> sixFiles;

    @BeforeEach
    void runningFive() throws Exception {
        releases = new Releases(dir);
        server = new BundleServer();
        root = dir.resolve("releases");
        publicKey = dir.resolve("signing.pub");
        Keys.writePublic(publicKey, releases.key.getPublic());
        Path in5 = releases.releaseDir(5);
        Path in6 = releases.releaseDir(6);
        byte[] big = new byte[400_000]; // several chunks, so a kill mid-download lands mid-file
        new Random(6).nextBytes(big);
        Files.write(in6.resolve("kiosk-app/lib/gamma-3.0.jar"), big);
        fiveFiles = hashes(in5);
        sixFiles = hashes(in6);
        six = releases.bundle(in6, 6);
        ReleaseInstaller installer = releases.installer(root, () -> {}, InstallProgress.NONE);
        byte[] five = releases.bundle(in5, 5);
        server.serve(five);
        installer.install(Releases.offer(server, 5, five), Releases.DEVICE);
        installer.recover();
        installer.commit();
        server.serve(six);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static Stream<Arguments> killPoints() {
        return Stream.of(
                Arguments.of("download.started", Step.ABORTED, 5L),
                Arguments.of("download.midway", Step.ABORTED, 5L),
                Arguments.of("verify.started", Step.ABORTED, 5L),
                Arguments.of("unpack.started", Step.ABORTED, 5L),
                Arguments.of("unpack.extracted", Step.ABORTED, 5L),
                Arguments.of("unpack.renamed", Step.ABORTED, 5L),
                Arguments.of("switch.started", Step.ABORTED, 5L),
                Arguments.of("switch.current-linked", Step.ABORTED, 5L),
                Arguments.of("switch.moved", Step.HEALTH_CHECK, 6L),
                Arguments.of("switch.previous-linked", Step.HEALTH_CHECK, 6L),
                Arguments.of("restart.requested", Step.HEALTH_CHECK, 6L),
                Arguments.of("health.checking", Step.ROLLED_BACK, 5L));
    }

    @ParameterizedTest(name = "killed at {0}")
    @MethodSource("killPoints")
    void killedAtAnyPointTheKioskRunsTheOldOrTheNewReleaseNeverAMix(String point, Step after, long running)
            throws Exception {
        if (point.equals("health.checking")) {
            runChild(install("never"), "done"); // the install up to the restart request, undisturbed
            killAt(List.of("restarted", root.toString(), publicKey.toString(), point), point);
        } else {
            killAt(install(point), point);
        }

        ReleaseInstaller installer = releases.installer(root, () -> {}, InstallProgress.NONE);
        ReleaseInstaller.Recovery recovery = installer.recover();

        InstallJournal journal = recovery.journal().orElseThrow();
        assertEquals(after, journal.step(), journal.toString());
        assertEquals(running, journal.running());
        ReleaseSlots slots = new ReleaseSlots(root, InstallProgress.NONE);
        assertEquals(running, slots.current());
        assertEquals(running == 5 ? fiveFiles : sixFiles, hashes(root.resolve("current")), "a complete slot");
        try (Stream<Path> s = Files.list(root)) {
            List<String> names = s.map(p -> p.getFileName().toString()).toList();
            assertFalse(names.stream().anyMatch(n -> n.endsWith(".partial") || n.endsWith(".tmp")), names.toString());
        }
        assertEquals(
                after == Step.ROLLED_BACK
                        ? ReleaseInstaller.Next.RESTART
                        : after == Step.HEALTH_CHECK
                                ? ReleaseInstaller.Next.HEALTH_CHECK
                                : ReleaseInstaller.Next.NOTHING,
                recovery.next());

        // And the kiosk carries on: a release on trial is committed, an undone install is tried again.
        if (after == Step.HEALTH_CHECK) {
            installer.commit();
        } else if (after == Step.ABORTED) {
            installer.install(Releases.offer(server, 6, six), Releases.DEVICE);
            if (point.equals("download.midway")) {
                assertTrue(server.ranges.getLast().startsWith("bytes="), "resumed: " + server.ranges);
            }
            installer.recover();
            installer.commit();
        }
        long expected = after == Step.ROLLED_BACK ? 5 : 6;
        assertEquals(expected, slots.current());
        assertEquals(expected == 5 ? fiveFiles : sixFiles, hashes(root.resolve("current")));
    }

    private List<String> install(String pause) {
        return List.of(
                "install",
                root.toString(),
                publicKey.toString(),
                server.url().toString(),
                Long.toString(six.length),
                CraftedBundles.sha256(six),
                "6",
                pause);
    }

    /** Starts the child, waits for it to pause at {@code point}, and SIGKILLs it there. */
    private void killAt(List<String> args, String point) throws Exception {
        Process child = ChildJvm.start(InstallerChild.class, args, dir.resolve("child.err"));
        try {
            awaitLine(child, "paused " + point);
        } finally {
            child.toHandle().destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
            child.waitFor();
        }
        assertEquals(137, child.exitValue(), "killed by SIGKILL");
    }

    private void runChild(List<String> args, String last) throws Exception {
        Process child = ChildJvm.start(InstallerChild.class, args, dir.resolve("child.err"));
        awaitLine(child, last);
        assertTrue(child.waitFor(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals(0, child.exitValue(), Files.readString(dir.resolve("child.err")));
    }

    private void awaitLine(Process child, String wanted) throws Exception {
        ChildJvm.awaitLine(child, wanted, dir.resolve("child.err"), Duration.ofSeconds(WAIT_SECONDS));
    }

    private static Map<String, String> hashes(Path dir) throws IOException {
        Path real = dir.toRealPath();
        Map<String, String> hashes = new java.util.TreeMap<>();
        for (Map.Entry<String, byte[]> e : CraftedBundles.files(real).entrySet()) {
            hashes.put(e.getKey(), CraftedBundles.sha256(e.getValue()));
        }
        return hashes;
    }
}
