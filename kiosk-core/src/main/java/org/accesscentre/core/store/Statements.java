package org.accesscentre.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The store's SQL, prepared once per connection. Transactions are begun and ended by statement, with the
 * JDBC connection left in auto-commit: sqlite-jdbc's own transaction handling opens the next transaction
 * straight after each commit, which would hold the write lock between our transactions.
 */
final class Statements implements AutoCloseable {
    private final List<PreparedStatement> all = new ArrayList<>();

    final PreparedStatement begin;
    final PreparedStatement commit;
    final PreparedStatement nextSequence;
    final PreparedStatement insertSubmission;
    final PreparedStatement insertOutbox;
    final PreparedStatement selectDue;
    final PreparedStatement markInFlight;
    final PreparedStatement deleteOutbox;
    final PreparedStatement finishSubmission;
    final PreparedStatement retry;
    final PreparedStatement requeue;
    final PreparedStatement updateStatus;
    final PreparedStatement lookup;
    final PreparedStatement stats;
    final PreparedStatement purge;
    final PreparedStatement getMeta;
    final PreparedStatement putMeta;

    Statements(Connection c) throws SQLException {
        begin = prepare(c, "BEGIN IMMEDIATE");
        commit = prepare(c, "COMMIT");
        nextSequence = prepare(c, """
                SELECT MAX(COALESCE((SELECT MAX(seq) FROM submission), 0),
                           COALESCE((SELECT CAST(value AS INTEGER) FROM store_meta WHERE key = 'sequence_floor'), 0))
                """);
        insertSubmission = prepare(c, """
                INSERT INTO submission (seq, tx_id, reference, service_id, service_version, catalogue_version,
                                        fee_cents, currency, created_at, sealed, sealed_size)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """);
        insertOutbox = prepare(c, "INSERT INTO outbox (seq) VALUES (?)");
        selectDue = prepare(c, """
                SELECT s.seq, s.tx_id, s.reference, s.service_id, s.service_version, s.catalogue_version,
                       s.fee_cents, s.currency, s.created_at, o.attempts, s.sealed
                FROM outbox o JOIN submission s ON s.seq = o.seq
                WHERE o.in_flight = 0 AND o.next_attempt_at <= ?
                ORDER BY o.seq
                LIMIT ?
                """);
        markInFlight = prepare(c, "UPDATE outbox SET in_flight = 1 WHERE seq = ?");
        deleteOutbox = prepare(c, "DELETE FROM outbox WHERE seq = ?");
        finishSubmission = prepare(c, """
                UPDATE submission SET sync_state = ?, acknowledged_at = ?, rejected_reason = ?
                WHERE seq = ? AND sync_state IN ('queued', 'in_flight')
                """);
        retry = prepare(c, """
                UPDATE outbox SET in_flight = 0, attempts = attempts + 1, next_attempt_at = ?, last_error = ?
                WHERE seq = ?
                """);
        requeue = prepare(c, "UPDATE outbox SET in_flight = 0 WHERE in_flight = 1");
        updateStatus = prepare(c, """
                UPDATE submission
                SET status = ?, case_number = COALESCE(?, case_number), status_message = ?, status_at = ?,
                    status_version = ?
                WHERE seq = ? AND tx_id = ? AND (status_version IS NULL OR status_version < ?)
                """);
        lookup = prepare(c, """
                SELECT s.*, o.in_flight, s.sealed IS NOT NULL AS has_sealed
                FROM submission s LEFT JOIN outbox o ON o.seq = s.seq
                WHERE s.seq = ? AND s.reference = ?
                """);
        stats = prepare(c, """
                SELECT COUNT(*), COALESCE(SUM(o.in_flight), 0), MIN(s.created_at), COALESCE(SUM(s.sealed_size), 0)
                FROM outbox o JOIN submission s ON s.seq = o.seq
                """);
        purge = prepare(c, """
                UPDATE submission SET sealed = NULL
                WHERE sync_state = 'acknowledged' AND acknowledged_at < ? AND sealed IS NOT NULL
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
