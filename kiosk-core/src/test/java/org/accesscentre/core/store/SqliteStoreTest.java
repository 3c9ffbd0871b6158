package org.accesscentre.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the SQLite store must show; the behaviour shared with the fake is in the contract tests. */
class SqliteStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void theFileIsInWalModeWithFullSynchronousCommits() throws Exception {
        try (SqliteStore store = SqliteStore.open(dir.resolve("kiosk.db"), StoreOptions.DEFAULTS)) {
            store.submit(TestSubmissions.of(100, NOW));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("kiosk.db"));
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertEquals("wal", rs.getString(1));
        }
    }

    @Test
    void theSchemaVersionReleasesNameIsTheNewestMigration() throws Exception {
        try (SqliteStore store = SqliteStore.open(dir.resolve("kiosk.db"), StoreOptions.DEFAULTS)) {
            store.submit(TestSubmissions.of(1, NOW));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("kiosk.db"));
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT MAX(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success = 1")) {
            rs.next();
            assertEquals(SqliteStore.SCHEMA_VERSION, rs.getLong(1));
        }
    }

    @Test
    void aFullStoreRefusesNewSubmissionsAndKeepsTheQueueIntact() throws Exception {
        Path file = dir.resolve("kiosk.db");
        List<Receipt> saved = new ArrayList<>();
        StoreOptions small = StoreOptions.DEFAULTS.withMaxBytes(256 * 1024);
        try (SqliteStore store = SqliteStore.open(file, small)) {
            StoreFullException full = assertThrows(StoreFullException.class, () -> {
                while (true) {
                    saved.add(store.submit(TestSubmissions.of(3000, NOW)));
                }
            });
            assertTrue(full.getMessage().startsWith("the store is full"), full.getMessage());
            assertTrue(saved.size() > 20, "saved " + saved.size());
            // Still full, still refusing, still readable.
            assertThrows(StoreFullException.class, () -> store.submit(TestSubmissions.of(3000, NOW)));
            assertEquals(saved.size(), store.stats(NOW).depth());
            for (Receipt r : saved) {
                assertTrue(store.lookup(r.reference()).isPresent());
            }
            // Draining frees nothing on disk by itself, but the queue keeps working.
            List<OutboxItem> batch = store.takeBatch(10, Long.MAX_VALUE, NOW);
            store.markAcknowledged(batch.stream().map(OutboxItem::sequence).toList(), NOW);
            assertEquals(saved.size() - 10, store.stats(NOW).depth());
        }
        assertEquals("ok", integrityCheck(file));
        try (SqliteStore reopened = SqliteStore.open(file, StoreOptions.DEFAULTS)) {
            assertEquals(saved.size() - 10, reopened.stats(NOW).depth());
            Receipt next = reopened.submit(TestSubmissions.of(3000, NOW));
            assertEquals(
                    saved.getLast().reference().sequence() + 1, next.reference().sequence());
        }
    }

    @Test
    void submissionsCanNeverBeDeleted() throws Exception {
        Path file = dir.resolve("kiosk.db");
        try (SqliteStore store = SqliteStore.open(file, StoreOptions.DEFAULTS)) {
            store.submit(TestSubmissions.of(100, NOW));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> st.executeUpdate("DELETE FROM submission"));
            assertTrue(e.getMessage().contains("submissions are never deleted"), e.getMessage());
        }
    }

    @Test
    void sequencesContinueAfterReopeningAndAboveTheFloor() throws Exception {
        Path file = dir.resolve("kiosk.db");
        try (SqliteStore store = SqliteStore.open(file, StoreOptions.DEFAULTS)) {
            assertEquals(
                    1, store.submit(TestSubmissions.of(10, NOW)).reference().sequence());
        }
        try (SqliteStore store = SqliteStore.open(file, StoreOptions.DEFAULTS)) {
            assertEquals(
                    2, store.submit(TestSubmissions.of(10, NOW)).reference().sequence());
            store.raiseSequenceFloor(500);
            store.raiseSequenceFloor(100);
            assertEquals(
                    501, store.submit(TestSubmissions.of(10, NOW)).reference().sequence());
        }
    }

    @Test
    void twoWritersOnOneFileNeverIssueTheSameNumber() throws Exception {
        Path file = dir.resolve("kiosk.db");
        try (SqliteStore a = SqliteStore.open(file, StoreOptions.DEFAULTS);
                SqliteStore b = SqliteStore.open(file, StoreOptions.DEFAULTS)) {
            List<Long> issued = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                SqliteStore writer = i % 3 == 0 ? b : a;
                issued.add(
                        writer.submit(TestSubmissions.of(10, NOW)).reference().sequence());
            }
            assertEquals(50, issued.stream().distinct().count(), "a number was issued twice: " + issued);
            for (int i = 1; i < issued.size(); i++) {
                assertTrue(issued.get(i) > issued.get(i - 1), "numbers went back: " + issued);
            }
        }
    }

    @Test
    void twoConnectionsInOneProcessNeverShareABatch() throws Exception {
        Path file = dir.resolve("kiosk.db");
        try (SqliteStore writer = SqliteStore.open(file, StoreOptions.DEFAULTS);
                SqliteStore a = SqliteStore.open(file, StoreOptions.DEFAULTS);
                SqliteStore b = SqliteStore.open(file, StoreOptions.DEFAULTS)) {
            for (int i = 0; i < 300; i++) {
                writer.submit(TestSubmissions.of(200, NOW));
            }
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<List<Long>> fa = pool.submit(() -> drain(a));
                Future<List<Long>> fb = pool.submit(() -> drain(b));
                List<Long> all = new ArrayList<>(fa.get());
                all.addAll(fb.get());
                assertEquals(300, all.size());
                assertEquals(300, all.stream().distinct().count());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static List<Long> drain(SqliteStore store) throws StoreException {
        List<Long> taken = new ArrayList<>();
        while (true) {
            List<OutboxItem> batch = store.takeBatch(7, Long.MAX_VALUE, NOW);
            if (batch.isEmpty()) {
                return taken;
            }
            batch.forEach(i -> taken.add(i.sequence()));
        }
    }

    @Test
    void aDamagedFileIsAClearError() throws Exception {
        Path file = dir.resolve("kiosk.db");
        Files.write(
                file,
                "this is not a database, just some text that is long enough"
                        .repeat(100)
                        .getBytes());
        StoreException e = assertThrows(StoreException.class, () -> SqliteStore.open(file, StoreOptions.DEFAULTS));
        assertTrue(e.getMessage().contains("kiosk.db"), e.getMessage());
    }

    static String integrityCheck(Path file) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
