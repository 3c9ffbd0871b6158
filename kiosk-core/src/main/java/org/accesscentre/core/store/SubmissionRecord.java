package org.accesscentre.core.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the kiosk can show about one submission: never its answers, which it cannot read. */
public record SubmissionRecord(
        long sequence,
        String reference,
        UUID transactionId,
        String serviceId,
        int serviceVersion,
        Instant createdAt,
        long feeCents,
        @Nullable String currency,
        SyncState syncState,
        @Nullable Instant acknowledgedAt,
        @Nullable String rejectedReason,
        @Nullable String status,
        @Nullable String statusMessage,
        @Nullable String caseNumber,
        @Nullable Instant statusAt,
        boolean sealedPresent) {
    static SubmissionRecord from(ResultSet rs) throws SQLException {
        SyncState state = SyncState.fromColumn(rs.getString("sync_state"));
        return new SubmissionRecord(
                rs.getLong("seq"),
                rs.getString("reference"),
                UUID.fromString(rs.getString("tx_id")),
                rs.getString("service_id"),
                rs.getInt("service_version"),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                rs.getLong("fee_cents"),
                rs.getString("currency"),
                state,
                instant(rs, "acknowledged_at"),
                rs.getString("rejected_reason"),
                rs.getString("status"),
                rs.getString("status_message"),
                rs.getString("case_number"),
                instant(rs, "status_at"),
                rs.getBoolean("has_sealed"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
