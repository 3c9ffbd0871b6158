package org.accesscentre.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The store's SQL, prepared once per connection. The outbox is the tail of {@code submission} from the
 * {@code unsent_from} mark, read by primary-key range. Transactions are begun and ended by statement, with the
 * JDBC connection left in auto-commit: sqlite-jdbc's own transaction handling opens the next transaction
 * straight after each commit, which would hold the write lock between our transactions.
 */
final class Statements implements AutoCloseable {
    private final List<PreparedStatement> all = new ArrayList<>();

    final PreparedStatement begin;
    final PreparedStatement commit;
    final PreparedStatement nextSequence;
    final PreparedStatement insertSubmission;
    final PreparedStatement unsentFrom;
    final PreparedStatement firstUnsent;
    final PreparedStatement selectDue;
    final PreparedStatement markInFlight;
    final PreparedStatement finishSubmission;
    final PreparedStatement retry;
    final PreparedStatement requeue;
    final PreparedStatement updateStatus;
    final PreparedStatement lookup;
    final PreparedStatement stats;
    final PreparedStatement purge;
    final PreparedStatement wipeFinished;
    final PreparedStatement wipeUnsent;
    final PreparedStatement getState;
    final PreparedStatement putState;
    final PreparedStatement dataVersion;
    final PreparedStatement count;
    final PreparedStatement getMeta;
    final PreparedStatement putMeta;

    /** For the journal's statements, prepared as needed: they run a few times a minute, not per item. */
    final Connection connection;

    Statements(Connection c) throws SQLException {
        connection = c;
        begin = prepare(c, "BEGIN IMMEDIATE");
        commit = prepare(c, "COMMIT");
        nextSequence = prepare(c, """
                SELECT MAX(COALESCE((SELECT MAX(seq) FROM submission), 0),
                           COALESCE((SELECT CAST(value AS INTEGER) FROM store_meta WHERE key = 'sequence_floor'), 0))
                """);
        // One statement, so one implicit transaction. A number already issued fails the primary key, and one
        // at or below the floor fails a trigger: either way nothing is inserted.
        insertSubmission = prepare(c, """
                INSERT INTO submission (seq, tx_id, reference, service_id, service_version, catalogue_version,
                                        fee_cents, currency, created_at, sealed)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """);
        unsentFrom = prepare(
                c, "SELECT COALESCE((SELECT CAST(value AS INTEGER) FROM store_meta WHERE key = 'unsent_from'), 0)");
        firstUnsent = prepare(c, """
                SELECT COALESCE(
                    (SELECT MIN(seq) FROM submission WHERE seq >= ? AND sync_state IN ('queued', 'in_flight')),
                    (SELECT COALESCE(MAX(seq), 0) + 1 FROM submission))
                """);
        selectDue = prepare(c, """
                SELECT seq, tx_id, reference, service_id, service_version, catalogue_version, fee_cents, currency,
                       created_at, attempts, sealed
                FROM submission
                WHERE seq >= ? AND sync_state = 'queued' AND next_attempt_at <= ?
                ORDER BY seq
                LIMIT ?
                """);
        markInFlight = prepare(c, "UPDATE submission SET sync_state = 'in_flight' WHERE seq = ?");
        finishSubmission = prepare(c, """
                UPDATE submission SET sync_state = ?, acknowledged_at = ?, rejected_reason = ?
                WHERE seq = ? AND sync_state IN ('queued', 'in_flight')
                """);
        retry = prepare(c, """
                UPDATE submission
                SET sync_state = 'queued', attempts = attempts + 1, next_attempt_at = ?, last_error = ?
                WHERE seq = ? AND sync_state IN ('queued', 'in_flight')
                """);
        requeue = prepare(c, "UPDATE submission SET sync_state = 'queued' WHERE seq >= ? AND sync_state = 'in_flight'");
        updateStatus = prepare(c, """
                UPDATE submission
                SET status = ?, case_number = COALESCE(?, case_number), status_message = ?, status_at = ?,
                    status_version = ?
                WHERE seq = ? AND tx_id = ? AND (status_version IS NULL OR status_version < ?)
                """);
        lookup = prepare(c, """
                SELECT seq, reference, tx_id, service_id, service_version, created_at, fee_cents, currency,
                       sync_state, acknowledged_at, rejected_reason, status, status_message, case_number,
                       status_at, sealed IS NOT NULL AS has_sealed
                FROM submission
                WHERE seq = ? AND reference = ?
                """);
        stats = prepare(c, """
                SELECT COUNT(*), COALESCE(SUM(sync_state = 'in_flight'), 0), MIN(created_at),
                       COALESCE(SUM(length(sealed)), 0)
                FROM submission
                WHERE seq >= ? AND sync_state IN ('queued', 'in_flight')
                """);
        purge = prepare(c, """
                UPDATE submission SET sealed = NULL
                WHERE sync_state = 'acknowledged' AND acknowledged_at < ? AND sealed IS NOT NULL
                """);
        wipeFinished = prepare(c, """
                UPDATE submission SET sealed = NULL
                WHERE sync_state IN ('acknowledged', 'rejected') AND sealed IS NOT NULL
                """);
        wipeUnsent = prepare(c, """
                UPDATE submission SET sealed = NULL, sync_state = 'rejected', rejected_reason = ?
                WHERE seq >= ? AND sync_state IN ('queued', 'in_flight')
                """);
        getState = prepare(c, "SELECT value FROM device_state WHERE key = ?");
        putState = prepare(c, """
                INSERT INTO device_state (key, value, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
                """);
        dataVersion = prepare(c, "PRAGMA data_version");
        count = prepare(c, """
                SELECT COALESCE(SUM(sync_state = 'queued'), 0), COALESCE(SUM(sync_state = 'in_flight'), 0),
                       COALESCE(SUM(sync_state = 'acknowledged'), 0), COALESCE(SUM(sync_state = 'rejected'), 0)
                FROM submission
                """);
        getMeta = prepare(c, "SELECT value FROM store_meta WHERE key = ?");
        putMeta = prepare(
                c,
                "INSERT INTO store_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    }

    private PreparedStatement prepare(Connection c, String text) throws SQLException {
        PreparedStatement st = c.prepareStatement(text);
        all.add(st);
        return st;
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement st : all) {
            st.close();
        }
    }
}
