package org.accesscentre.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.accesscentre.core.json.Json;
import org.accesscentre.core.json.JsonLimits;
import org.accesscentre.core.reference.ReferenceNumber;

/**
 * The centre's own record on this kiosk: what attendants did, sessions, the walk-in queue, help calls, and the
 * cash taken for fees. kiosk-app appends entries; sync-daemon sends the unsent ones to the portal and marks
 * them. An entry is on disk when {@link #append} returns, like a submission. Nothing personal goes in: the
 * bodies hold references, ticket numbers, amounts and attendant ids.
 */
public final class Journal {
    /** Kinds are dotted lower-case words, such as {@code session.ended}. */
    public static final Pattern KIND = Pattern.compile("[a-z][a-z_]{0,30}(\\.[a-z][a-z_]{0,30}){1,3}");

    public static final int MAX_BODY_CHARS = 8 * 1024;
    public static final int MAX_CASH_RECEIPT = 32;
    private static final Pattern CASH_RECEIPT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/-]{0,31}");
    private static final long MAX_AMOUNT_CENTS = 100_000_000L;
    private static final ObjectMapper MAPPER = Json.mapper(JsonLimits.WIRE);

    private final StoreConnection db;

    Journal(StoreConnection db) {
        this.db = db;
    }

    /** One entry as stored. */
    public record Entry(UUID id, long sequence, String kind, Instant at, JsonNode body) {}

    /** Cash confirmed at the desk for one submission's fee. */
    public record Payment(long amountCents, String cashReceipt, String confirmedBy, Instant confirmedAt) {}

    /** A submission that carries a fee, and its payment once the attendant confirmed the cash. */
    public record Fee(
            ReferenceNumber reference,
            String serviceId,
            long feeCents,
            String currency,
            Instant createdAt,
            Optional<Payment> payment) {}

    /** Appends an entry of {@code kind}, durably, and returns it. */
    public Entry append(String kind, ObjectNode body, Instant at) throws StoreException {
        String json = checked(kind, body);
        return db.write("record " + kind, sql -> insert(sql, kind, json, at));
    }

    private static String checked(String kind, ObjectNode body) {
        if (!KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("journal kind " + kind + " is not dotted lower-case words");
        }
        String json;
        try {
            json = MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("journal body for " + kind + " cannot be written", e);
        }
        if (json.length() > MAX_BODY_CHARS) {
            throw new IllegalArgumentException("journal body for " + kind + " is " + json.length()
                    + " characters; the limit is " + MAX_BODY_CHARS);
        }
        return json;
    }

    private static Entry insert(Statements sql, String kind, String json, Instant at) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement ps = sql.connection.prepareStatement(
                "INSERT INTO journal (id, kind, body, at) VALUES (?, ?, ?, ?) RETURNING seq")) {
            ps.setString(1, id.toString());
            ps.setString(2, kind);
            ps.setString(3, json);
            ps.setLong(4, at.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Entry(id, rs.getLong(1), kind, at, parse(json));
            }
        }
    }

    /** The oldest entries the portal does not have yet, oldest first. */
    public List<Entry> unsent(int max) throws StoreException {
        return entries("SELECT id, seq, kind, at, body FROM journal WHERE sent_at IS NULL ORDER BY seq LIMIT ?", max);
    }

    /** The newest entries, newest first, for the attendant's screen and tools. */
    public List<Entry> latest(int max) throws StoreException {
        return entries("SELECT id, seq, kind, at, body FROM journal ORDER BY seq DESC LIMIT ?", max);
    }

    private List<Entry> entries(String query, int max) throws StoreException {
        return db.autoCommit("read the journal", sql -> {
            List<Entry> entries = new ArrayList<>();
            try (PreparedStatement ps = sql.connection.prepareStatement(query)) {
                ps.setInt(1, max);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new Entry(
                                UUID.fromString(rs.getString(1)),
                                rs.getLong(2),
                                rs.getString(3),
                                Instant.ofEpochMilli(rs.getLong(4)),
                                parse(rs.getString(5))));
                    }
                }
            }
            return entries;
        });
    }

    private static JsonNode parse(String json) throws SQLException {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SQLException("a journal body is not JSON", e);
        }
    }

    /** The portal has these; ids it does not know are ignored. */
    public void markSent(Collection<UUID> ids, Instant at) throws StoreException {
        db.write("mark journal entries sent", sql -> {
            try (PreparedStatement ps = sql.connection.prepareStatement(
                    "UPDATE journal SET sent_at = ? WHERE id = ? AND sent_at IS NULL")) {
                for (UUID id : ids) {
                    ps.setLong(1, at.toEpochMilli());
                    ps.setString(2, id.toString());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** How many entries wait for the portal. */
    public long unsentCount() throws StoreException {
        return db.autoCommit("count unsent journal entries", sql -> {
            try (PreparedStatement ps =
                            sql.connection.prepareStatement("SELECT COUNT(*) FROM journal WHERE sent_at IS NULL");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /**
     * Records cash taken for the fee of the submission with {@code reference}, and a {@code payment.confirmed}
     * entry, in one transaction.
     *
     * @throws PaymentRefusedException when there is no such submission, it has no fee, it is paid already, the
     *     amount is not a positive amount, or the cash receipt number is malformed or used before; nothing is
     *     written then
     */
    public Payment confirmPayment(
            ReferenceNumber reference, long amountCents, String cashReceipt, String attendant, Instant at)
            throws StoreException {
        if (amountCents <= 0 || amountCents > MAX_AMOUNT_CENTS) {
            throw new PaymentRefusedException("the amount must be more than 0 and at most 1,000,000.00");
        }
        String receipt = cashReceipt.strip();
        if (!CASH_RECEIPT.matcher(receipt).matches()) {
            throw new PaymentRefusedException("the cash receipt number is letters, digits, '-' and '/', at most "
                    + MAX_CASH_RECEIPT + " characters, such as 004512");
        }
        return db.write("confirm the payment for " + reference, sql -> {
            Fee fee = fee(sql, reference)
                    .orElseThrow(
                            () -> new PaymentRefusedException("there is no request " + reference + " on this kiosk"));
            if (fee.feeCents() <= 0) {
                throw new PaymentRefusedException("request " + reference + " has no fee to pay");
            }
            if (fee.payment().isPresent()) {
                throw new PaymentRefusedException("the fee for " + reference + " was paid already, cash receipt "
                        + fee.payment().get().cashReceipt());
            }
            if (receiptUsed(sql, receipt)) {
                throw new PaymentRefusedException("cash receipt " + receipt + " is already used for another request");
            }
            try (PreparedStatement ps = sql.connection.prepareStatement("""
                    INSERT INTO payment (submission_seq, amount_cents, cash_receipt, confirmed_by, confirmed_at)
                    VALUES (?, ?, ?, ?, ?)
                    """)) {
                ps.setLong(1, reference.sequence());
                ps.setLong(2, amountCents);
                ps.setString(3, receipt);
                ps.setString(4, attendant);
                ps.setLong(5, at.toEpochMilli());
                ps.executeUpdate();
            }
            ObjectNode body = MAPPER.createObjectNode()
                    .put("reference", reference.toString())
                    .put("service", fee.serviceId())
                    .put("feeCents", fee.feeCents())
                    .put("amountCents", amountCents)
                    .put("currency", fee.currency())
                    .put("cashReceipt", receipt)
                    .put("attendant", attendant);
            insert(sql, "payment.confirmed", checked("payment.confirmed", body), at);
            return new Payment(amountCents, receipt, attendant, at);
        });
    }

    private static boolean receiptUsed(Statements sql, String receipt) throws SQLException {
        try (PreparedStatement ps = sql.connection.prepareStatement("SELECT 1 FROM payment WHERE cash_receipt = ?")) {
            ps.setString(1, receipt);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The fee of one submission and its payment, if this kiosk made it. */
    public Optional<Fee> fee(ReferenceNumber reference) throws StoreException {
        return db.autoCommit("read the fee for " + reference, sql -> fee(sql, reference));
    }

    private static Optional<Fee> fee(Statements sql, ReferenceNumber reference) throws SQLException {
        try (PreparedStatement ps = sql.connection.prepareStatement(FEES + " WHERE s.seq = ? AND s.reference = ?")) {
            ps.setLong(1, reference.sequence());
            ps.setString(2, reference.toString());
            List<Fee> fees = fees(ps);
            return fees.isEmpty() ? Optional.empty() : Optional.of(fees.getFirst());
        }
    }

    /** The submissions with a fee made in {@code [from, to)} by the kiosk's clock, oldest first. */
    public List<Fee> fees(Instant from, Instant to) throws StoreException {
        return db.autoCommit("read the fees", sql -> {
            try (PreparedStatement ps = sql.connection.prepareStatement(
                    FEES + " WHERE s.fee_cents > 0 AND s.created_at >= ? AND s.created_at < ? ORDER BY s.seq")) {
                ps.setLong(1, from.toEpochMilli());
                ps.setLong(2, to.toEpochMilli());
                return fees(ps);
            }
        });
    }

    private static final String FEES = """
            SELECT s.reference, s.service_id, s.fee_cents, s.currency, s.created_at,
                   p.amount_cents, p.cash_receipt, p.confirmed_by, p.confirmed_at
            FROM submission s LEFT JOIN payment p ON p.submission_seq = s.seq
            """;

    private static List<Fee> fees(PreparedStatement ps) throws SQLException {
        List<Fee> fees = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long paid = rs.getLong(6);
                Optional<Payment> payment = rs.wasNull()
                        ? Optional.empty()
                        : Optional.of(new Payment(
                                paid, rs.getString(7), rs.getString(8), Instant.ofEpochMilli(rs.getLong(9))));
                fees.add(new Fee(
                        ReferenceNumber.parse(rs.getString(1))
                                .orElseThrow(() -> new SQLException("a stored reference does not parse")),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getString(4) == null ? "" : rs.getString(4),
                        Instant.ofEpochMilli(rs.getLong(5)),
                        payment));
            }
        }
        return fees;
    }
}
