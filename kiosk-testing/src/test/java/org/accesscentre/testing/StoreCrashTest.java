package org.accesscentre.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.accesscentre.core.reference.ReferenceNumber;
import org.accesscentre.core.store.SqliteStore;
import org.accesscentre.core.store.StoreOptions;
import org.accesscentre.core.store.SubmissionRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM submits realistic requests in a loop and prints each receipt as {@code submit} returns; it is
 * killed with SIGKILL at random moments, 50 times over, on the same store. Every receipt printed before a
 * kill must be in the store, the file must pass SQLite's integrity check, and no sequence number may
 * ever be issued twice.
 */
class StoreCrashTest {
    private static final int KILLS = 50;

    @TempDir
    Path dir;

    @Test
    void everyReceiptPrintedBeforeASigkillSurvivesIt() throws Exception {
        Path file = dir.resolve("kiosk.db");
        long seed = Long.getLong("crash.seed", System.nanoTime());
        Random random = new Random(seed);
        List<Receipts.Printed> printed = new ArrayList<>();
        int killedDuringStartup = 0;

        for (int run = 0; run < KILLS; run++) {
            Path stderr = dir.resolve("child-" + run + ".err");
            Process child = ChildJvm.start(
                    SubmitLoop.class, List.of(file.toString(), "0", Long.toString(random.nextLong())), stderr);
            Receipts receipts = new Receipts(child);
            // One kill in five lands while the JVM starts or the store migrates; the rest mid-loop.
            int wanted = random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(30);
            killedDuringStartup += wanted == 0 ? 1 : 0;
            boolean stillRunning = receipts.awaitReceipts(wanted);
            // SIGKILL through the handle: Process.destroyForcibly() would also close the pipes we still read.
            child.toHandle().destroyForcibly();
            child.waitFor();
            receipts.drain();
            assertTrue(stillRunning, "seed " + seed + ": the child stopped by itself: " + Files.readString(stderr));
            assertEquals(137, child.exitValue(), "seed " + seed + ": not killed by SIGKILL");
            printed.addAll(receipts.printed);
        }

        assertTrue(printed.size() >= KILLS, "only " + printed.size() + " receipts in " + KILLS + " runs");
        assertTrue(killedDuringStartup > 0 || KILLS < 10);
        assertEquals("ok", integrityCheck(file), "seed " + seed);

        Set<String> references = new HashSet<>();
        long lastSequence = 0;
        try (SqliteStore store = SqliteStore.open(file, StoreOptions.DEFAULTS)) {
            for (Receipts.Printed p : printed) {
                ReferenceNumber ref = ReferenceNumber.parse(p.reference()).orElseThrow();
                assertTrue(references.add(p.reference()), "seed " + seed + ": " + p.reference() + " issued twice");
                assertTrue(ref.sequence() > lastSequence, "seed " + seed + ": sequence went back at " + ref);
                lastSequence = ref.sequence();
                SubmissionRecord rec = store.lookup(ref)
                        .orElseThrow(() -> new AssertionError("seed " + seed + ": receipt " + ref + " lost"));
                assertEquals(p.transactionId(), rec.transactionId(), "seed " + seed);
                assertTrue(rec.sealedPresent());
            }
        }
    }

    static String integrityCheck(Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
