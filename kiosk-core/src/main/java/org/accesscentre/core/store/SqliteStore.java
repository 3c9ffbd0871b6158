package org.accesscentre.core.store;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.accesscentre.core.reference.ReferenceNumber;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteErrorCode;

/**
 * The local store on one SQLite file: WAL, {@code synchronous=FULL}, a busy timeout, and write transactions
 * that take the write lock up front ({@code BEGIN IMMEDIATE}), so two processes wait for each other instead
 * of failing (see {@link StoreConnection}). A submit is one auto-commit statement that writes one row.
 */
public final class SqliteStore implements LocalStore {
    private static final String SEQUENCE_FLOOR = "sequence_floor";
    private static final String STATUS_CURSOR = "status_cursor";
    private static final String UNSENT_FROM = "unsent_from";

    private final Path file;
    private final StoreConnection db;
    private final Journal journal;
    /** The next sequence number as this instance last saw it; 0 when it must be read. Guarded by db. */
    private long predictedSequence;

    private SqliteStore(Path file, StoreConnection db) {
        this.file = file;
        this.db = db;
        this.journal = new Journal(db);
    }

    /**
     * The schema this code brings a store to: the newest migration's version. A release names the oldest it
     * can run on ({@code minStoreVersion}).
     */
    public static final long SCHEMA_VERSION = 3;

    /** The store's file in a kiosk's data directory, where both kiosk-app and sync-daemon open it. */
    public static Path fileIn(Path dataDir) {
        return dataDir.resolve("kiosk.db");
    }

    /** Opens (creating if needed) and migrates the store at {@code file}. */
    public static SqliteStore open(Path file, StoreOptions options) throws StoreException {
        return new SqliteStore(file, StoreConnection.open(file, options));
    }

    public Path file() {
        return file;
    }

    /** The centre's journal and cash book, on this store's connection. */
    public Journal journal() {
        return journal;
    }

    /**
     * One statement in auto-commit: SQLite takes the write lock before the statement runs (so the busy timeout
     * applies), inserts under the predicted next sequence number, and commits durably. If another store
     * instance used that number, or a raised floor forbids it, SQLite refuses the row: read the true next
     * number and insert once more.
     */
    @Override
    public Receipt submit(NewSubmission s) throws StoreException {
        try {
            return insertUnder(s, predictedSequence);
        } catch (SequenceTakenException e) {
            return insertUnder(s, 0);
        }
    }

    private Receipt insertUnder(NewSubmission s, long predicted) throws StoreException {
        byte[] sealed = s.sealed();
        predictedSequence = 0;
        Receipt receipt = db.autoCommit("save the submission", sql -> {
            long sequence = predicted > 0 ? predicted : readNextSequence(sql);
            if (sequence > ReferenceNumber.MAX_SEQUENCE) {
                throw new StoreException("this kiosk has used every reference number; ask the ICT office");
            }
            ReferenceNumber reference = new ReferenceNumber(s.centre(), s.kiosk(), sequence);
            insert(sql, s, sequence, reference, sealed);
            return new Receipt(reference, s.transactionId(), s.createdAt());
        });
        predictedSequence = receipt.reference().sequence() + 1;
        return receipt;
    }

    private static long readNextSequence(Statements sql) throws SQLException {
        try (ResultSet rs = sql.nextSequence.executeQuery()) {
            rs.next();
            return rs.getLong(1) + 1;
        }
    }

    private static void insert(Statements sql, NewSubmission s, long sequence, ReferenceNumber reference, byte[] sealed)
            throws SQLException, SequenceTakenException {
        PreparedStatement insert = sql.insertSubmission;
        insert.setLong(1, sequence);
        insert.setString(2, s.transactionId().toString());
        insert.setString(3, reference.toString());
        insert.setString(4, s.serviceId());
        insert.setInt(5, s.serviceVersion());
        insert.setLong(6, s.catalogueVersion());
        insert.setLong(7, s.feeCents());
        insert.setString(8, s.currency());
        insert.setLong(9, s.createdAt().toEpochMilli());
        insert.setBytes(10, sealed);
        try {
            insert.executeUpdate();
        } catch (SQLException e) {
            if (SqliteErrors.primaryCode(e) == SQLiteErrorCode.SQLITE_CONSTRAINT.code) {
                throw new SequenceTakenException(sequence, e);
            }
            throw e;
        }
    }

    @Override
    public List<OutboxItem> takeBatch(int maxItems, long maxBytes, Instant now) throws StoreException {
        if (maxItems <= 0) {
            return List.of();
        }
        return db.write("take a batch from the outbox", sql -> {
            List<OutboxItem> batch = new ArrayList<>();
            long bytes = 0;
            sql.selectDue.setLong(1, unsentFrom(sql));
            sql.selectDue.setLong(2, now.toEpochMilli());
            sql.selectDue.setInt(3, maxItems);
            try (ResultSet rs = sql.selectDue.executeQuery()) {
                while (rs.next()) {
                    byte[] sealed = rs.getBytes(11);
                    if (!batch.isEmpty() && bytes + sealed.length > maxBytes) {
                        break;
                    }
                    bytes += sealed.length;
                    batch.add(new OutboxItem(
                            rs.getLong(1),
                            UUID.fromString(rs.getString(2)),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getInt(5),
                            rs.getLong(6),
                            rs.getLong(7),
                            rs.getString(8),
                            Instant.ofEpochMilli(rs.getLong(9)),
                            rs.getInt(10),
                            sealed));
                }
            }
            for (OutboxItem item : batch) {
                sql.markInFlight.setLong(1, item.sequence());
                sql.markInFlight.addBatch();
            }
            sql.markInFlight.executeBatch();
            return batch;
        });
    }

    @Override
    public void markAcknowledged(Collection<Long> sequences, Instant at) throws StoreException {
        finish(sequences, "acknowledged", null, at);
    }

    @Override
    public void markRejected(long sequence, String reason, Instant at) throws StoreException {
        finish(List.of(sequence), "rejected", reason, at);
    }

    private void finish(Collection<Long> sequences, String state, @Nullable String reason, Instant at)
            throws StoreException {
        if (sequences.isEmpty()) {
            return;
        }
        db.write("mark submissions " + state, sql -> {
            for (long seq : sequences) {
                sql.finishSubmission.setString(1, state);
                sql.finishSubmission.setObject(2, state.equals("acknowledged") ? at.toEpochMilli() : null);
                sql.finishSubmission.setString(3, reason);
                sql.finishSubmission.setLong(4, seq);
                sql.finishSubmission.addBatch();
            }
            sql.finishSubmission.executeBatch();
            advanceUnsentFrom(sql);
            return null;
        });
    }

    @Override
    public void markRetry(Collection<Long> sequences, Instant nextAttempt, String error) throws StoreException {
        if (sequences.isEmpty()) {
            return;
        }
        db.write("put submissions back in the queue", sql -> {
            for (long seq : sequences) {
                sql.retry.setLong(1, nextAttempt.toEpochMilli());
                sql.retry.setString(2, error);
                sql.retry.setLong(3, seq);
                sql.retry.addBatch();
            }
            sql.retry.executeBatch();
            return null;
        });
    }

    @Override
    public int requeueInFlight() throws StoreException {
        return db.write("requeue submissions left in flight", sql -> {
            sql.requeue.setLong(1, unsentFrom(sql));
            return sql.requeue.executeUpdate();
        });
    }

    @Override
    public void recordStatuses(List<StatusUpdate> updates, @Nullable String cursor) throws StoreException {
        db.write("record statuses", sql -> {
            for (StatusUpdate u : updates) {
                Optional<ReferenceNumber> ref = ReferenceNumber.parse(u.reference());
                if (ref.isEmpty()) {
                    continue; // not one of ours: the feed only carries this kiosk's references
                }
                PreparedStatement st = sql.updateStatus;
                st.setString(1, u.status());
                st.setString(2, u.caseNumber());
                st.setString(3, u.message());
                st.setLong(4, u.at().toEpochMilli());
                st.setLong(5, u.version());
                st.setLong(6, ref.get().sequence());
                st.setString(7, u.transactionId().toString());
                st.setLong(8, u.version());
                st.addBatch();
            }
            sql.updateStatus.executeBatch();
            if (cursor != null) {
                StoreConnection.putMeta(sql, STATUS_CURSOR, cursor);
            }
            return null;
        });
    }

    @Override
    public Optional<String> statusCursor() throws StoreException {
        return db.autoCommit(
                "read the status cursor", sql -> Optional.ofNullable(StoreConnection.getMeta(sql, STATUS_CURSOR)));
    }

    @Override
    public Optional<SubmissionRecord> lookup(ReferenceNumber reference) throws StoreException {
        return db.autoCommit("look up " + reference, sql -> {
            sql.lookup.setLong(1, reference.sequence());
            sql.lookup.setString(2, reference.toString());
            try (ResultSet rs = sql.lookup.executeQuery()) {
                return rs.next() ? Optional.of(SubmissionRecord.from(rs)) : Optional.empty();
            }
        });
    }

    @Override
    public QueueStats stats(Instant now) throws StoreException {
        return db.autoCommit("read the queue's figures", sql -> {
            sql.stats.setLong(1, unsentFrom(sql));
            try (ResultSet rs = sql.stats.executeQuery()) {
                rs.next();
                int depth = rs.getInt(1);
                int inFlight = rs.getInt(2);
                long oldest = rs.getLong(3);
                Duration age = rs.wasNull() ? null : Duration.ofMillis(Math.max(0, now.toEpochMilli() - oldest));
                return new QueueStats(depth, inFlight, age, rs.getLong(4));
            }
        });
    }

    @Override
    public SyncCounts counts() throws StoreException {
        return db.autoCommit("count the submissions", sql -> {
            try (ResultSet rs = sql.count.executeQuery()) {
                rs.next();
                return new SyncCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
            }
        });
    }

    @Override
    public int purgeSealed(Instant cutoff) throws StoreException {
        return db.write("purge old sealed payloads", sql -> {
            sql.purge.setLong(1, cutoff.toEpochMilli());
            return sql.purge.executeUpdate();
        });
    }

    @Override
    public int wipeSealed(boolean includeUnsent, String reason, Instant at) throws StoreException {
        return db.write("wipe sealed payloads", sql -> {
            int wiped = sql.wipeFinished.executeUpdate();
            if (includeUnsent) {
                sql.wipeUnsent.setString(1, reason);
                sql.wipeUnsent.setLong(2, unsentFrom(sql));
                wiped += sql.wipeUnsent.executeUpdate();
                advanceUnsentFrom(sql);
            }
            return wiped;
        });
    }

    @Override
    public Optional<String> state(String key) throws StoreException {
        return db.autoCommit("read device state " + key, sql -> {
            sql.getState.setString(1, key);
            try (ResultSet rs = sql.getState.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
        });
    }

    @Override
    public void putState(String key, String json, Instant at) throws StoreException {
        db.autoCommit("write device state " + key, sql -> {
            sql.putState.setString(1, key);
            sql.putState.setString(2, json);
            sql.putState.setLong(3, at.toEpochMilli());
            return sql.putState.executeUpdate();
        });
    }

    @Override
    public void raiseSequenceFloor(long floor) throws StoreException {
        if (floor < 0 || floor >= ReferenceNumber.MAX_SEQUENCE) {
            throw new IllegalArgumentException("sequence floor out of range: " + floor);
        }
        db.write("raise the sequence floor", sql -> {
            String current = StoreConnection.getMeta(sql, SEQUENCE_FLOOR);
            if (current == null || Long.parseLong(current) < floor) {
                StoreConnection.putMeta(sql, SEQUENCE_FLOOR, Long.toString(floor));
            }
            return null;
        });
    }

    private static long unsentFrom(Statements sql) throws SQLException {
        try (ResultSet rs = sql.unsentFrom.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Moves the outbox's start past submissions that are now acknowledged or rejected. */
    private static void advanceUnsentFrom(Statements sql) throws SQLException {
        long from = unsentFrom(sql);
        sql.firstUnsent.setLong(1, from);
        long first;
        try (ResultSet rs = sql.firstUnsent.executeQuery()) {
            rs.next();
            first = rs.getLong(1);
        }
        if (first != from) {
            StoreConnection.putMeta(sql, UNSENT_FROM, Long.toString(first));
        }
    }

    /**
     * SQLite's {@code data_version}: it changes whenever another connection (the other process) commits, so
     * the daemon notices a new submission without reading the queue.
     */
    public long dataVersion() throws StoreException {
        return db.autoCommit("read the data version", sql -> {
            try (ResultSet rs = sql.dataVersion.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public void close() throws StoreException {
        db.close();
    }
}
