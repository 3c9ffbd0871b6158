package org.accesscentre.sync.kill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.accesscentre.core.store.QueueStats;
import org.accesscentre.core.store.Receipt;
import org.accesscentre.core.store.SqliteStore;
import org.accesscentre.core.store.StoreOptions;
import org.accesscentre.portal.support.TestPortal;
import org.accesscentre.sync.SyncDaemon;
import org.accesscentre.sync.SyncDaemonMain;
import org.accesscentre.sync.support.Delivered;
import org.accesscentre.sync.support.TestKiosk;
import org.accesscentre.testing.ChildJvm;
import org.accesscentre.testing.TestClock;
import org.accesscentre.testing.link.LinkEmulator;
import org.accesscentre.testing.link.LinkProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real daemon in its own JVM, draining 2,000 realistic submissions to the real portal through the link
 * emulator's 4G preset, is killed with SIGKILL at random moments and started again on the same data, over
 * and over; then a last run, the daemon exactly as a kiosk runs it, finishes. The portal must hold every submission exactly
 * once, and the kiosk must know it.
 *
 * <p>A moment is random in time, not in log lines, so a kill can land while a batch is on the wire, between
 * the portal's commit and the kiosk's, or as the kiosk marks a batch. Most runs wait until the daemon is in
 * contact with the portal and then a random delay; one in {@value #STARTUP_ONE_IN} is killed at a random
 * delay after the JVM starts instead (while it opens the store, requeues what was in flight, or
 * authenticates). The killed runs send batches of {@value #BATCH_ITEMS} items, so the 2,000 take enough
 * batches for {@value #KILLS_WHILE_DRAINING} kills to land while the queue is still draining.
 */
class DaemonKillTest {
    private static final Logger LOG = LoggerFactory.getLogger(DaemonKillTest.class);
    private static final int SUBMISSIONS = 2_000;
    /** Kills that must land while the daemon drains: in contact with the portal, with submissions left. */
    private static final int KILLS_WHILE_DRAINING = 30;
    /** One run in this many is killed at a random moment of its start instead. */
    private static final int STARTUP_ONE_IN = 8;
    /** Room for the startup kills on top of the draining ones, with a wide margin. */
    private static final int MAX_RUNS = 70;

    /**
     * The 4G preset (10 Mbit/s, 40 ms each way). On the 3G preset (150 ms each way) a run drains only a batch
     * or two before its kill, so the kills see 150 of the 2,000 go and the last run sends the rest; the test
     * also takes half as long again.
     */
    private static final LinkProfile LINK = LinkProfile.FOUR_G;
    /**
     * Items per batch in the killed runs. On 4G a batch of 8 goes up and is answered in about a tenth of a
     * second, so a run drains a few dozen before its kill and the 30 draining kills see a third to half of
     * the queue go; even on an idle machine the round trips keep them from emptying it.
     */
    private static final int BATCH_ITEMS = 8;
    /** A draining run is killed at a delay drawn evenly from this window after the portal first answers. */
    private static final Duration DRAIN_WINDOW = Duration.ofMillis(1_000);
    /** A starting run is killed at a delay drawn evenly from this window after its JVM is launched. */
    private static final Duration STARTUP_WINDOW = Duration.ofMillis(2_000);

    private static final String CONTACT = "in contact with the portal";
    private static final Duration SILENCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void sigkilledAtRandomMomentsTheDaemonStillDeliversEverySubmissionExactlyOnce() throws Exception {
        long seed = Long.getLong("kill.seed", System.nanoTime());
        Random random = new Random(seed);
        long started = System.nanoTime();
        try (TestPortal portal = TestPortal.start(TestPortal.Db.SQLITE, dir.resolve("portal"), Clock.systemUTC());
                LinkEmulator link = LinkEmulator.start("127.0.0.1", portal.portal.port(), LINK)) {
            List<Receipt> receipts;
            Path config;
            try (TestKiosk kiosk = TestKiosk.create(
                    portal, dir.resolve("kiosk"), "KIL", 1, link.url(), new TestClock(Instant.now()))) {
                kiosk.round(); // enrols in-process, so the children find an enrolled kiosk
                receipts = kiosk.submit(SUBMISSIONS, random);
                config = kiosk.configFile;
            }
            Path storeFile = SyncDaemon.storeFile(dir.resolve("kiosk").resolve("data"));
            LOG.info("seed {}: {} submissions ready after {} s", seed, SUBMISSIONS, seconds(started));

            int kills = 0;
            int duringStartup = 0;
            int whileDraining = 0;
            int withBatchInFlight = 0;
            while (whileDraining < KILLS_WHILE_DRAINING) {
                assertTrue(
                        kills < MAX_RUNS,
                        "seed " + seed + ": only " + whileDraining + " kills while draining in " + kills + " runs");
                Path stderr = dir.resolve("child-" + kills + ".err");
                Process child = ChildJvm.start(
                        SmallBatchDaemon.class, List.of(config.toString(), String.valueOf(BATCH_ITEMS)), stderr);
                ChildLines lines = new ChildLines(child);
                boolean atStartup = random.nextInt(STARTUP_ONE_IN) == 0;
                Duration delay = atStartup ? randomUpTo(STARTUP_WINDOW, random) : randomUpTo(DRAIN_WINDOW, random);
                ChildLines.Ending ending = atStartup
                        ? lines.readFor(delay)
                        : lines.await(Integer.MAX_VALUE, line -> line.contains(CONTACT), SILENCE);
                if (ending == ChildLines.Ending.MATCHED) {
                    ending = lines.readFor(delay);
                }
                // SIGKILL through the handle: Process.destroyForcibly() would also close the pipes.
                child.toHandle().destroyForcibly();
                child.waitFor();
                if (ending != ChildLines.Ending.ELAPSED) {
                    fail("seed " + seed + ", run " + kills + ": the child " + ending + " before its kill:\n"
                            + lines.tail(10) + "\n" + Files.readString(stderr));
                }
                assertEquals(137, child.exitValue(), "seed " + seed + ": not killed by SIGKILL");
                QueueStats left = stats(storeFile);
                assertTrue(left.depth() > 0, "seed " + seed + ": the queue emptied before the kills were done");
                kills++;
                boolean draining = lines.seen().stream().anyMatch(l -> l.contains(CONTACT));
                duringStartup += draining ? 0 : 1;
                whileDraining += draining ? 1 : 0;
                withBatchInFlight += draining && left.inFlight() > 0 ? 1 : 0;
                LOG.info(
                        "kill {} {} ms after {}{}, {} left",
                        kills,
                        delay.toMillis(),
                        atStartup ? "launch" : "contact",
                        left.inFlight() > 0 ? " with " + left.inFlight() + " in flight" : "",
                        left.depth());
            }
            LOG.info(
                    "seed {}: {} kills ({} before contact, {} while draining, {} of them with a batch in flight), {}"
                            + " submissions left after {} s",
                    seed,
                    kills,
                    duringStartup,
                    whileDraining,
                    withBatchInFlight,
                    stats(storeFile).depth(),
                    seconds(started));

            // Nearly every draining kill catches a batch on the wire; half is a floor that no seed should miss.
            assertTrue(
                    withBatchInFlight >= KILLS_WHILE_DRAINING / 2,
                    "seed " + seed + ": only " + withBatchInFlight + " kills caught a batch in flight");

            Path stderr = dir.resolve("child-last.err");
            Process last = ChildJvm.start(SyncDaemonMain.class, List.of("--config", config.toString()), stderr);
            ChildLines lines = new ChildLines(last);
            while (stats(storeFile).depth() > 0) {
                ChildLines.Ending ending = lines.await(Integer.MAX_VALUE, line -> line.contains(" sent "), SILENCE);
                if (ending != ChildLines.Ending.MATCHED) {
                    last.toHandle().destroyForcibly();
                    fail("seed " + seed + ": the last run " + ending + " with "
                            + stats(storeFile).depth() + " submissions left:\n" + lines.tail(10) + "\n"
                            + Files.readString(stderr));
                }
            }
            last.destroy(); // SIGTERM, as systemd stops it: a JVM that ran its shutdown hooks exits 143
            assertEquals(143, last.waitFor(), "seed " + seed + ": " + Files.readString(stderr));
            assertEquals("", Files.readString(stderr), "seed " + seed);

            try (SqliteStore store = SqliteStore.open(storeFile, StoreOptions.DEFAULTS)) {
                JsonNode stats = Delivered.assertPortalHoldsExactly(portal, store, receipts);
                LOG.info("seed {}: portal {} after {} kills in {} s", seed, stats, kills, seconds(started));
            }
        }
    }

    private static Duration randomUpTo(Duration window, Random random) {
        return Duration.ofNanos((long) (random.nextDouble() * window.toNanos()));
    }

    private static QueueStats stats(Path storeFile) throws Exception {
        try (SqliteStore store = SqliteStore.open(storeFile, StoreOptions.DEFAULTS)) {
            return store.stats(Instant.now());
        }
    }

    private static long seconds(long since) {
        return (System.nanoTime() - since) / 1_000_000_000L;
    }
}
