package org.accesscentre.portal.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The portal's connection pool and the two ways work runs on it: {@link #write} in one transaction, and
 * {@link #read} in auto-commit. On SQLite a write transaction takes the write lock up front
 * ({@code BEGIN IMMEDIATE}) and waits for it under the busy timeout; this process's writers first queue for
 * it in Java, one at a time (see {@link #sqliteWriter}); on PostgreSQL transactions are the
 * driver's, at READ COMMITTED, and every multi-row write takes its rows in a fixed order, so concurrent
 * batches cannot deadlock.
 */
public final class Database implements AutoCloseable {
    public enum Dialect {
        SQLITE,
        POSTGRESQL
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** How long a write waits for SQLite's write lock, in this process's queue and then in SQLite's. */
    private static final int SQLITE_BUSY_TIMEOUT_MILLIS = 30_000;

    private final HikariDataSource pool;
    private final Dialect dialect;

    /**
     * SQLite lets one transaction write at a time. Left to SQLite, writers that find the lock taken sleep in
     * its busy handler for 1, 2, 5, 10, 15, 20, 25... ms before they look again, so under concurrent ingest
     * a commit of 1 ms could keep the others asleep for tens of ms, with the CPU idle. Queued here instead,
     * in arrival order, each writer starts the moment the one before it commits, and holds no pooled
     * connection while it waits, so reads never starve. The busy timeout still covers other processes.
     */
    private final ReentrantLock sqliteWriter = new ReentrantLock(true);

    private Database(HikariDataSource pool, Dialect dialect) {
        this.pool = pool;
        this.dialect = dialect;
    }

    /** The embedded database: one SQLite file, WAL, {@code synchronous=FULL}. */
    public static Database sqlite(Path file) throws DatabaseException {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new DatabaseException("cannot create the data directory for " + file + ": " + e.getMessage(), e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // What the portal answers "accepted" the kiosk will later forget: it must survive a power cut.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MILLIS);
        config.enforceForeignKeys(true);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("portal-sqlite");
        hikari.setDataSource(source);
        hikari.setAutoCommit(true);
        hikari.setMaximumPoolSize(8);
        return open(hikari, Dialect.SQLITE);
    }

    /** PostgreSQL at a JDBC URL such as {@code jdbc:postgresql://db:5432/portal?user=portal&password=…}. */
    public static Database postgresql(String jdbcUrl) throws DatabaseException {
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new DatabaseException("only jdbc:postgresql: URLs are supported, not " + redact(jdbcUrl), null);
        }
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("portal-postgresql");
        hikari.setJdbcUrl(jdbcUrl);
        hikari.setAutoCommit(true);
        hikari.setMaximumPoolSize(16);
        hikari.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        return open(hikari, Dialect.POSTGRESQL);
    }

    private static Database open(HikariConfig hikari, Dialect dialect) throws DatabaseException {
        hikari.setConnectionTimeout(30_000);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new DatabaseException("cannot connect to the database: " + rootMessage(e), e);
        }
        Database db = new Database(pool, dialect);
        try {
            db.migrate();
        } catch (DatabaseException e) {
            pool.close();
            throw e;
        }
        return db;
    }

    private void migrate() throws DatabaseException {
        String folder = dialect == Dialect.SQLITE ? "sqlite" : "postgresql";
        try {
            Flyway.configure(Database.class.getClassLoader())
                    .dataSource(pool)
                    .locations("classpath:db/portal/" + folder)
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new DatabaseException("cannot bring the database up to date: " + rootMessage(e), e);
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    public DataSource dataSource() {
        return pool;
    }

    /** Runs {@code work} in one transaction: all of it commits, or none of it. */
    public <T> T write(Work<T> work) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            return writeSqlite(work);
        }
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException again) {
                    e.addSuppressed(again);
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /**
     * Inside {@link #write}: waits until no other transaction holds {@code name}, and holds it to the end. For
     * writes that read before they write ("is this version newer?", "who holds this slot?"): SQLite's
     * {@code BEGIN IMMEDIATE} already lets one writer in at a time, but at READ COMMITTED two PostgreSQL
     * transactions would both read the same thing and both write.
     */
    public void lock(Connection c, String name) throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            try (PreparedStatement st = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                st.setString(1, name);
                st.execute();
            }
        }
    }

    private <T> T writeSqlite(Work<T> work) throws SQLException {
        try {
            if (!sqliteWriter.tryLock(SQLITE_BUSY_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new SQLException("the database is busy: no write began within 30 s", "SQLITE_BUSY");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting to write", e);
        }
        try (Connection c = pool.getConnection()) {
            try (Statement st = c.createStatement()) {
                st.execute("BEGIN IMMEDIATE");
            }
            try {
                T result = work.run(c);
                try (Statement st = c.createStatement()) {
                    st.execute("COMMIT");
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            }
        } finally {
            sqliteWriter.unlock();
        }
    }

    /** Runs {@code work} in auto-commit: reads, or a single statement that is its own transaction. */
    public <T> T read(Work<T> work) throws SQLException {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        }
    }

    private static void rollbackQuietly(Connection c, Exception failure) {
        try (Statement st = c.createStatement()) {
            st.execute("ROLLBACK");
        } catch (SQLException e) {
            // SQLite may have rolled back already; nothing is left to undo.
            if (!String.valueOf(e.getMessage()).contains("no transaction is active")) {
                failure.addSuppressed(e);
            }
        }
    }

    /** Whether the database answers, for the health endpoint. */
    public boolean ping() {
        try (Connection c = pool.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    /** A JDBC URL without its password, fit for a log or an error message. */
    public static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return redact(String.valueOf(t.getMessage()));
    }
}
