package org.accesscentre.core.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteConfig;

/**
 * One SQLite connection to the store, its prepared statements, and the three ways work runs on it: a write
 * transaction that takes the write lock up front ({@code BEGIN IMMEDIATE}), a read, and a single statement
 * in auto-commit. One thread at a time; after any failure the transaction is rolled back and the statements
 * are prepared again.
 */
final class StoreConnection implements AutoCloseable {
    private static final int PAGE_SIZE = 4096;

    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private Statements sql;

    @FunctionalInterface
    interface Work<T> {
        T run(Statements sql) throws SQLException, StoreException;
    }

    private StoreConnection(Connection connection) throws SQLException {
        this.connection = connection;
        this.sql = new Statements(connection);
    }

    /** Opens (creating if needed) and migrates the store at {@code file}. */
    static StoreConnection open(Path file, StoreOptions options) throws StoreException {
        SQLiteConfig config = config(options);
        StoreSchema.migrate(file, config);
        try {
            Connection connection = DriverManager.getConnection(url(file), config.toProperties());
            try {
                checkPragmas(connection);
                return new StoreConnection(connection);
            } catch (SQLException | StoreException e) {
                connection.close();
                throw e;
            }
        } catch (SQLException e) {
            throw SqliteErrors.translate(e, "open the store at " + file);
        }
    }

    static String url(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }

    private static SQLiteConfig config(StoreOptions options) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout((int) options.busyTimeout().toMillis());
        config.enforceForeignKeys(true);
        if (options.maxBytes() > 0) {
            config.setMaxPageCount((int) Math.max(16, options.maxBytes() / PAGE_SIZE));
        }
        return config;
    }

    /** Refuses to run on a store whose durability settings did not take. */
    private static void checkPragmas(Connection connection) throws SQLException, StoreException {
        try (Statement st = connection.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
                if (!rs.next() || !"wal".equalsIgnoreCase(rs.getString(1))) {
                    throw new StoreException("the store is not in WAL mode");
                }
            }
            try (ResultSet rs = st.executeQuery("PRAGMA synchronous")) {
                if (!rs.next() || rs.getInt(1) != 2) {
                    throw new StoreException("the store is not in synchronous=FULL mode");
                }
            }
        }
    }

    /** Runs {@code work} in one write transaction, holding SQLite's write lock from the start. */
    <T> T write(String action, Work<T> work) throws StoreException {
        lock.lock();
        try {
            sql.begin.execute();
            T result = work.run(sql);
            sql.commit.execute();
            return result;
        } catch (SQLException e) {
            recover(e);
            throw SqliteErrors.translate(e, action);
        } catch (StoreException | RuntimeException e) {
            recover(e);
            throw e;
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code work} outside a transaction: reads, and single statements that commit on their own. */
    <T> T autoCommit(String action, Work<T> work) throws StoreException {
        lock.lock();
        try {
            return work.run(sql);
        } catch (SQLException e) {
            recover(e);
            throw SqliteErrors.translate(e, action);
        } catch (StoreException | RuntimeException e) {
            recover(e);
            throw e;
        } finally {
            lock.unlock();
        }
    }

    static @Nullable String getMeta(Statements sql, String key) throws SQLException {
        sql.getMeta.setString(1, key);
        try (ResultSet rs = sql.getMeta.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static void putMeta(Statements sql, String key, String value) throws SQLException {
        sql.putMeta.setString(1, key);
        sql.putMeta.setString(2, value);
        sql.putMeta.executeUpdate();
    }

    /**
     * Undoes a failed transaction and prepares the statements afresh: sqlite-jdbc finalizes a prepared
     * statement whose execution fails (xerial/sqlite-jdbc#74), so the old ones cannot be trusted. If even
     * that fails, the old set stays and the next call tries again.
     */
    private void recover(Exception failure) {
        try (Statement st = connection.createStatement()) {
            st.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // No transaction was open, or SQLite already rolled it back (it can on SQLITE_FULL).
        }
        try {
            Statements fresh = new Statements(connection);
            closeQuietly(sql);
            sql = fresh;
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static void closeQuietly(Statements statements) {
        try {
            statements.close();
        } catch (SQLException ignored) {
            // closing a finalized statement can fail; it is being replaced either way
        }
    }

    @Override
    public void close() throws StoreException {
        lock.lock();
        try {
            sql.close();
            connection.close();
        } catch (SQLException e) {
            throw SqliteErrors.translate(e, "close the store");
        } finally {
            lock.unlock();
        }
    }
}
