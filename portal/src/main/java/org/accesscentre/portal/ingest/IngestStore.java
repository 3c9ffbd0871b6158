package org.accesscentre.portal.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.accesscentre.core.json.Json;
import org.accesscentre.core.wire.FieldProblem;
import org.accesscentre.core.wire.IngestItem;
import org.accesscentre.core.wire.ItemResult;
import org.accesscentre.core.wire.Outcome;
import org.accesscentre.portal.db.Database;
import org.accesscentre.portal.http.ApiException;
import org.accesscentre.portal.security.Principal;
import org.jspecify.annotations.Nullable;

/**
 * Stores a batch's decisions in one transaction. Uniqueness is the database's: each row goes in with
 * {@code ON CONFLICT DO NOTHING}, and a row that did not go in is compared with the one that did. Rows are
 * written in transaction-id order, so two batches sharing ids lock them in the same order and cannot
 * deadlock.
 */
final class IngestStore {
    private final Database db;
    private final ZoneId zone;

    IngestStore(Database db, ZoneId zone) {
        this.db = db;
        this.zone = zone;
    }

    /** A transaction the portal already holds. */
    record Stored(
            byte[] contentHash, boolean accepted, @Nullable String reason, List<FieldProblem> problems) {}

    Map<UUID, Stored> existing(Collection<UUID> ids) throws SQLException {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return db.read(c -> {
            Map<UUID, Stored> found = new HashMap<>();
            String marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT tx_id, content_hash, outcome, problems FROM submission WHERE tx_id IN (" + marks + ")")) {
                int i = 1;
                for (UUID id : ids) {
                    st.setString(i++, id.toString());
                }
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        found.put(
                                UUID.fromString(rs.getString(1)),
                                stored(rs.getBytes(2), rs.getString(3), rs.getString(4)));
                    }
                }
            }
            return found;
        });
    }

    /** Stores what is new and answers every item, in the batch's order. */
    List<ItemResult> store(Principal.Device device, List<CheckedItem> items, Map<UUID, Decision> decisions, Instant now)
            throws SQLException {
        return db.write(c -> {
            stillInItsSlot(c, device);
            Map<Integer, ItemResult> byIndex = new HashMap<>();
            Map<CountKey, Integer> counts = new TreeMap<>(CountKey.ORDER);
            List<CheckedItem> ordered = new ArrayList<>(items);
            ordered.sort(
                    Comparator.comparing((CheckedItem i) -> i.transactionId().toString())
                            .thenComparingInt(CheckedItem::index));
            // One statement for the whole batch: preparing it once per row cost as much as running it.
            try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                for (CheckedItem item : ordered) {
                    Decision decision = decisions.get(item.transactionId());
                    boolean inserted = decision != null && insert(insert, device, item, decision, now);
                    ItemResult result = inserted ? answer(decision) : answerExisting(c, item);
                    byIndex.put(item.index(), result);
                    counts.merge(
                            countKey(now, device.centre(), item.wire().serviceId(), result.outcome()), 1, Integer::sum);
                }
            }
            addCounts(c, counts);
            List<ItemResult> inOrder = new ArrayList<>(items.size());
            for (CheckedItem item : items) {
                inOrder.add(byIndex.get(item.index()));
            }
            return inOrder;
        });
    }

    /**
     * Under the slot's lock, which enrolment takes too: the device was not replaced since its token was
     * checked. Without this, a batch from the old device could commit just after a new device's enrolment read
     * the highest sequence number, and the new kiosk would issue a reference the old one had used.
     */
    private void stillInItsSlot(Connection c, Principal.Device device) throws SQLException {
        db.lock(c, "slot:" + device.centre() + "-" + device.kiosk());
        try (PreparedStatement st = c.prepareStatement("SELECT revoked_at FROM device WHERE id = ?")) {
            st.setString(1, device.deviceId());
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next() || rs.getObject(1) != null) {
                    throw new ApiException(403, "device_revoked", "this device has been revoked by the ICT office");
                }
            }
        }
    }

    private static ItemResult answer(Decision d) {
        UUID id = d.item().transactionId();
        return d.accepted()
                ? new ItemResult(id, Outcome.ACCEPTED, null, List.of())
                : new ItemResult(id, Outcome.REJECTED, d.reason(), d.problems());
    }

    /** An item that did not go in: the same as the one stored, a different one, or a reference in use. */
    private static ItemResult answerExisting(Connection c, CheckedItem item) throws SQLException {
        UUID id = item.transactionId();
        Optional<Stored> stored = storedRow(c, id);
        if (stored.isEmpty()) {
            return new ItemResult(
                    id,
                    Outcome.CONFLICT,
                    "the reference " + item.wire().reference() + " belongs to another transaction",
                    List.of());
        }
        if (!Arrays.equals(stored.get().contentHash(), item.contentHash())) {
            return new ItemResult(
                    id,
                    Outcome.CONFLICT,
                    "this transaction id is stored with different content; nothing changed",
                    List.of());
        }
        // An identical resend gets the answer the first one got.
        return stored.get().accepted()
                ? new ItemResult(id, Outcome.DUPLICATE, null, List.of())
                : new ItemResult(
                        id,
                        Outcome.REJECTED,
                        stored.get().reason(),
                        stored.get().problems());
    }

    private static Optional<Stored> storedRow(Connection c, UUID id) throws SQLException {
        try (PreparedStatement st =
                c.prepareStatement("SELECT content_hash, outcome, problems FROM submission WHERE tx_id = ?")) {
            st.setString(1, id.toString());
            try (ResultSet rs = st.executeQuery()) {
                return rs.next()
                        ? Optional.of(stored(rs.getBytes(1), rs.getString(2), rs.getString(3)))
                        : Optional.empty();
            }
        }
    }

    private static final String INSERT = """
            INSERT INTO submission (tx_id, reference, device_id, centre, kiosk, sequence, service_id,
                service_version, catalogue_version, agency_id, fee_cents, currency, kiosk_time, received_at,
                content_hash, sealed, outcome, problems, status, status_message, status_at, status_version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
            ON CONFLICT DO NOTHING
            """;

    /** Inserts one row with {@link #INSERT}, setting every parameter; true if it went in. */
    private static boolean insert(
            PreparedStatement st, Principal.Device device, CheckedItem item, Decision d, Instant now)
            throws SQLException {
        IngestItem w = item.wire();
        st.setString(1, w.transactionId().toString());
        st.setString(2, w.reference());
        st.setString(3, device.deviceId());
        st.setString(4, device.centre());
        st.setInt(5, device.kiosk());
        st.setLong(6, w.sequence());
        st.setString(7, w.serviceId());
        st.setInt(8, w.serviceVersion());
        st.setLong(9, w.catalogueVersion());
        st.setString(10, d.accepted() ? d.agencyId() : "");
        st.setLong(11, w.feeCents());
        st.setString(12, w.currency());
        st.setLong(13, w.kioskTime().toEpochMilli());
        st.setLong(14, now.toEpochMilli());
        st.setBytes(15, item.contentHash());
        st.setBytes(16, item.sealed());
        st.setString(17, d.accepted() ? "accepted" : "rejected");
        st.setString(18, d.accepted() ? null : problemsJson(d));
        st.setString(19, d.accepted() ? "received" : "rejected");
        st.setString(20, d.accepted() ? null : "Not accepted: " + d.reason());
        st.setLong(21, now.toEpochMilli());
        return st.executeUpdate() == 1;
    }

    /** One daily counter. A record, not joined text: a service id a kiosk sent may hold any character. */
    private record CountKey(String day, String centre, String service, String outcome) {
        static final Comparator<CountKey> ORDER = Comparator.comparing(CountKey::day)
                .thenComparing(CountKey::centre)
                .thenComparing(CountKey::service)
                .thenComparing(CountKey::outcome);
    }

    private CountKey countKey(Instant now, String centre, String service, Outcome outcome) {
        return new CountKey(
                LocalDate.ofInstant(now, zone).toString(),
                centre,
                service,
                outcome.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** Adds to the daily counters, in key order (see the class comment). */
    private static void addCounts(Connection c, Map<CountKey, Integer> counts) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO ingest_count (day, centre, service_id, outcome, count) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (day, centre, service_id, outcome) DO UPDATE SET count = ingest_count.count + excluded.count
                """)) {
            for (var e : counts.entrySet()) {
                CountKey k = e.getKey();
                st.setString(1, k.day());
                st.setString(2, k.centre());
                st.setString(3, k.service());
                st.setString(4, k.outcome());
                st.setInt(5, e.getValue());
                st.executeUpdate();
            }
        }
    }

    private static String problemsJson(Decision d) {
        try {
            return Json.wire()
                    .writeValueAsString(Map.of("reason", String.valueOf(d.reason()), "problems", d.problems()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Stored stored(byte[] hash, String outcome, @Nullable String problemsJson) {
        boolean accepted = outcome.equals("accepted");
        if (accepted || problemsJson == null) {
            return new Stored(hash, accepted, null, List.of());
        }
        try {
            JsonNode node = Json.wire().readTree(problemsJson);
            List<FieldProblem> problems = new ArrayList<>();
            for (JsonNode p : node.path("problems")) {
                problems.add(new FieldProblem(
                        p.path("field").asText(), p.path("code").asText()));
            }
            return new Stored(hash, false, node.path("reason").asText(null), problems);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored problems are not JSON", e);
        }
    }
}
