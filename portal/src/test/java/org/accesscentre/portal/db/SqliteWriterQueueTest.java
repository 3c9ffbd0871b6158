package org.accesscentre.portal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writers on SQLite queue in the portal for the one write lock, and each transaction stays all or nothing. */
class SqliteWriterQueueTest {

    @Test
    void manyConcurrentWritersAllCommit(@TempDir Path dir) throws Exception {
        try (Database db = Database.sqlite(dir.resolve("portal.db"))) {
            db.write(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE TABLE bench_counter (writer INTEGER, n INTEGER)");
                }
                return null;
            });
            int writers = 16;
            int each = 25;
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Void>> done = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    int writer = w;
                    done.add(pool.submit(() -> {
                        start.await();
                        for (int n = 0; n < each; n++) {
                            int value = n;
                            db.write(c -> {
                                try (PreparedStatement st =
                                        c.prepareStatement("INSERT INTO bench_counter VALUES (?, ?)")) {
                                    st.setInt(1, writer);
                                    st.setInt(2, value);
                                    st.executeUpdate();
                                }
                                return null;
                            });
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<Void> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(writers * each, count(db));
        }
    }

    @Test
    void aFailedWriteRollsBackAndTheNextWriterGoesOn(@TempDir Path dir) throws Exception {
        try (Database db = Database.sqlite(dir.resolve("portal.db"))) {
            db.write(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE TABLE bench_counter (writer INTEGER, n INTEGER)");
                }
                return null;
            });
            assertThrows(
                    SQLException.class,
                    () -> db.write(c -> {
                        try (Statement st = c.createStatement()) {
                            st.execute("INSERT INTO bench_counter VALUES (1, 1)");
                            st.execute("INSERT INTO no_such_table VALUES (1)");
                        }
                        return null;
                    }));
            db.write(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("INSERT INTO bench_counter VALUES (2, 2)");
                }
                return null;
            });
            assertEquals(1, count(db));
        }
    }

    private static int count(Database db) throws SQLException {
        return db.read(c -> {
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*) FROM bench_counter")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
