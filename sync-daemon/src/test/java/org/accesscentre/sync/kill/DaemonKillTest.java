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
 * The real daemon in its own JVM, draining 2,000 realistic submissions to the real portal over a 3G link,
 * is killed with SIGKILL at random moments (picked from its own log lines: after a random number of them,
 * none meaning while it starts) and started again on the same data, over and over; then a last run
 * finishes. The portal must hold every submission exactly once, and the kiosk must know it.
 */
class DaemonKillTest {
    private static final Logger LOG = LoggerFactory.getLogger(DaemonKillTest.class);
    private static final int SUBMISSIONS = 2_000;
    private static final int KILLS = 30;
    /** Of those, at least this many land once the daemon is in contact and draining. */
    private static final int KILLS_WHILE_DRAINING = 10;

    private static final int MAX_RUNS = 60;
    /**
     * A kill lands after at most this many lines. A run writes one or two lines as it starts, one when the
     * portal first answers (the drain starts right after), then one per batch as its answer arrives and
     * before the store is marked; so a kill lands as the daemon starts, as a batch goes up, or between the
     * portal's answer and the kiosk's commit, where the portal has what the kiosk thinks it has not sent.
     */
    private static final int MAX_LINES = 5;
    /**
     * A 3G link near the mast: 2 Mbit/s, 40 ms each way. A batch is on the wire for about half a second,
     * and a restarted daemon is back in contact within a few round trips.
     */
    private static final LinkProfile LINK = new LinkProfile("3g-near-mast", 2_000_000, Duration.ofMillis(40));

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
            while (kills < KILLS || whileDraining < KILLS_WHILE_DRAINING) {
                assertTrue(kills < MAX_RUNS, "seed " + seed + ": only " + whileDraining + " kills while draining");
                Path stderr = dir.resolve("child-" + kills + ".err");
                Process child = ChildJvm.start(SyncDaemonMain.class, List.of("--config", config.toString()), stderr);
                ChildLines lines = new ChildLines(child);
                int wanted = random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(MAX_LINES);
                ChildLines.Ending ending = lines.await(wanted, line -> false, SILENCE);
                // SIGKILL through the handle: Process.destroyForcibly() would also close the pipes.
                child.toHandle().destroyForcibly();
                child.waitFor();
                if (ending != ChildLines.Ending.COUNTED) {
                    fail("seed " + seed + ", run " + kills + ": the child " + ending + " before " + wanted + " lines:\n"
                            + lines.tail(10) + "\n" + Files.readString(stderr));
                }
                assertEquals(137, child.exitValue(), "seed " + seed + ": not killed by SIGKILL");
                int left = depth(storeFile);
                assertTrue(left > 0, "seed " + seed + ": the queue emptied before the kills were done");
                kills++;
                duringStartup += wanted == 0 ? 1 : 0;
                boolean draining = lines.seen().stream().anyMatch(l -> l.contains("in contact with the portal"));
                whileDraining += draining ? 1 : 0;
                LOG.info("kill {} after {} lines{}, {} left", kills, wanted, draining ? " while draining" : "", left);
            }
            LOG.info(
                    "seed {}: {} kills ({} as the JVM started, {} while draining), {} submissions left after {} s",
                    seed,
                    kills,
                    duringStartup,
                    whileDraining,
                    depth(storeFile),
                    seconds(started));

            Path stderr = dir.resolve("child-last.err");
            Process last = ChildJvm.start(SyncDaemonMain.class, List.of("--config", config.toString()), stderr);
            ChildLines lines = new ChildLines(last);
            while (depth(storeFile) > 0) {
                ChildLines.Ending ending = lines.await(Integer.MAX_VALUE, line -> line.contains(" sent "), SILENCE);
                if (ending != ChildLines.Ending.MATCHED) {
                    last.toHandle().destroyForcibly();
                    fail("seed " + seed + ": the last run " + ending + " with " + depth(storeFile)
                            + " submissions left:\n" + lines.tail(10) + "\n" + Files.readString(stderr));
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

    private static int depth(Path storeFile) throws Exception {
        try (SqliteStore store = SqliteStore.open(storeFile, StoreOptions.DEFAULTS)) {
            return store.stats(Instant.now()).depth();
        }
    }

    private static long seconds(long since) {
        return (System.nanoTime() - since) / 1_000_000_000L;
    }
}
