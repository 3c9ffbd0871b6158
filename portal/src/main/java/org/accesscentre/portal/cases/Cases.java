package org.accesscentre.portal.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.accesscentre.core.catalogue.Catalogue;
import org.accesscentre.core.catalogue.Service;
import org.accesscentre.core.json.JsonInputException;
import org.accesscentre.core.reference.ReferenceNumber;
import org.accesscentre.core.seal.Binding;
import org.accesscentre.core.seal.Opener;
import org.accesscentre.core.seal.SealException;
import org.accesscentre.core.submission.Payload;
import org.accesscentre.core.submission.PayloadCodec;
import org.accesscentre.portal.db.Database;
import org.accesscentre.portal.http.ApiException;
import org.accesscentre.portal.ingest.CatalogueRegistry;
import org.accesscentre.portal.security.Principal;
import org.accesscentre.portal.security.Role;
import org.jspecify.annotations.Nullable;

/**
 * What agencies do with requests. An officer sees only their agency's cases: another agency's case is
 * "not found" to them, so they cannot even learn it exists. The answers stay sealed in the database and
 * are opened only when a case is read.
 */
public final class Cases {
    public static final int MAX_MESSAGE = 500;

    private final Database db;
    private final Opener opener;
    private final CatalogueRegistry catalogues;
    private final Clock clock;

    public Cases(Database db, Opener opener, CatalogueRegistry catalogues, Clock clock) {
        this.db = db;
        this.opener = opener;
        this.catalogues = catalogues;
        this.clock = clock;
    }

    public record CaseSummary(
            UUID transactionId,
            String reference,
            String serviceId,
            String agencyId,
            String status,
            @Nullable String caseNumber,
            Instant receivedAt,
            long feeCents,
            @Nullable String currency) {}

    /** One question and its answer, labelled in the catalogue's default language for the officer. */
    public record AnsweredQuestion(String field, String question, JsonNode answer, String enteredBy) {}

    public record CaseDetail(
            CaseSummary summary, String locale, @Nullable String statusMessage, List<AnsweredQuestion> answers) {}

    /**
     * Cases oldest first, at most {@code limit}; with {@code after} (a case id from an earlier page), those that
     * come after it in that order, so a client pages through any number of cases by passing the last id it got.
     */
    public List<CaseSummary> list(
            Principal.Person who, @Nullable String agency, @Nullable String status, @Nullable String after, int limit)
            throws SQLException {
        String scope = scope(who, agency);
        int size = Math.max(1, Math.min(limit, 500));
        return db.read(c -> {
            List<CaseSummary> out = new ArrayList<>();
            StringBuilder sql = new StringBuilder(
                    "SELECT tx_id, reference, service_id, agency_id, status, case_number, received_at, fee_cents, currency "
                            + "FROM submission WHERE outcome = 'accepted'");
            List<Object> args = new ArrayList<>();
            if (scope != null) {
                sql.append(" AND agency_id = ?");
                args.add(scope);
            }
            if (status != null) {
                sql.append(" AND status = ?");
                args.add(status);
            }
            if (after != null) {
                String afterId = after.toLowerCase(java.util.Locale.ROOT); // ids are stored as UUID.toString gives
                long receivedAt = receivedAt(c, who, afterId);
                sql.append(" AND (received_at > ? OR (received_at = ? AND tx_id > ?))");
                args.add(receivedAt);
                args.add(receivedAt);
                args.add(afterId);
            }
            sql.append(" ORDER BY received_at, tx_id LIMIT ").append(size);
            try (PreparedStatement st = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    st.setObject(i + 1, args.get(i));
                }
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(summary(rs));
                    }
                }
            }
            return out;
        });
    }

    public CaseDetail read(Principal.Person who, String idOrReference) throws SQLException {
        record Row(CaseSummary summary, @Nullable String message, byte[] sealed, int serviceVersion, long catalogue) {}
        Row row = db.read(c -> find(
                        c,
                        who,
                        idOrReference,
                        rs -> new Row(
                                summary(rs),
                                rs.getString("status_message"),
                                rs.getBytes("sealed"),
                                rs.getInt("service_version"),
                                rs.getLong("catalogue_version"))))
                .orElseThrow(() -> ApiException.notFound("case " + idOrReference));
        CaseSummary s = row.summary();
        Payload payload;
        try {
            byte[] plain =
                    opener.open(row.sealed(), new Binding(s.transactionId(), s.serviceId(), row.serviceVersion()));
            payload = PayloadCodec.decode(plain);
        } catch (SealException | JsonInputException e) {
            throw new IllegalStateException("an accepted submission no longer opens: " + s.transactionId(), e);
        }
        Catalogue catalogue = catalogues.version(row.catalogue()).orElseThrow();
        Service service = catalogue.service(s.serviceId()).orElseThrow();
        List<AnsweredQuestion> answers = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : payload.answers().properties()) {
            String label = service.field(e.getKey())
                    .map(f -> f.label().get(catalogue.defaultLocale(), catalogue.defaultLocale()))
                    .orElse(e.getKey());
            answers.add(new AnsweredQuestion(
                    e.getKey(), label, e.getValue(), payload.enteredBy().getOrDefault(e.getKey(), "citizen")));
        }
        return new CaseDetail(s, payload.locale(), row.message(), answers);
    }

    /** Sets a case's status and message; the change reaches the kiosk's feed. Returns the new version. */
    public long setStatus(
            Principal.Person who,
            String idOrReference,
            String status,
            @Nullable String message,
            @Nullable String caseNumber)
            throws SQLException {
        if (!CaseStatus.ALL.contains(status)) {
            throw ApiException.badRequest(
                    "invalid_status",
                    "status must be one of " + String.join(", ", new java.util.TreeSet<>(CaseStatus.ALL)));
        }
        if (message != null && message.length() > MAX_MESSAGE) {
            throw ApiException.badRequest(
                    "invalid_message", "a message to the citizen has at most " + MAX_MESSAGE + " characters");
        }
        if (caseNumber != null && !caseNumber.matches("[A-Za-z0-9/_.-]{1,40}")) {
            throw ApiException.badRequest("invalid_case_number", "a case number is 1 to 40 letters, digits or / _ . -");
        }
        Instant now = clock.instant();
        return db.write(c -> {
            record Target(String txId, String deviceId) {}
            Target t = find(c, who, idOrReference, rs -> new Target(rs.getString("tx_id"), rs.getString("device_id")))
                    .orElseThrow(() -> ApiException.notFound("case " + idOrReference));
            long version;
            @Nullable String number;
            // The version is counted up in the row itself: officers writing at once each get their own.
            try (PreparedStatement st = c.prepareStatement("""
                    UPDATE submission SET status = ?, status_message = ?, case_number = COALESCE(?, case_number),
                        status_at = ?, status_version = status_version + 1
                    WHERE tx_id = ?
                    RETURNING status_version, case_number
                    """)) {
                st.setString(1, status);
                st.setString(2, message);
                st.setString(3, caseNumber);
                st.setLong(4, now.toEpochMilli());
                st.setString(5, t.txId());
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    version = rs.getLong(1);
                    number = rs.getString(2);
                }
            }
            try (PreparedStatement st = c.prepareStatement("""
                    INSERT INTO status_change (tx_id, device_id, status, case_number, message, at, version, changed_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """)) {
                st.setString(1, t.txId());
                st.setString(2, t.deviceId());
                st.setString(3, status);
                st.setString(4, number);
                st.setString(5, message);
                st.setLong(6, now.toEpochMilli());
                st.setLong(7, version);
                st.setString(8, who.tokenId());
                st.executeUpdate();
            }
            return version;
        });
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** When the case {@code id} arrived: where the page after it starts. 400 if this person cannot see it. */
    private static long receivedAt(Connection c, Principal.Person who, String id) throws SQLException {
        if (!id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            throw ApiException.badRequest("invalid_after", "after is the id of a case from an earlier page");
        }
        return find(c, who, id, rs -> rs.getLong("received_at"))
                .orElseThrow(() -> ApiException.badRequest(
                        "invalid_after",
                        "after names no case you can see: pass the id of a case from an earlier page"));
    }

    /** An accepted case by transaction id or reference, within what this person may see. */
    private static <T> Optional<T> find(Connection c, Principal.Person who, String idOrReference, RowMapper<T> mapper)
            throws SQLException {
        boolean byReference = ReferenceNumber.parse(idOrReference).isPresent();
        if (!byReference && !idOrReference.matches("[0-9a-fA-F-]{36}")) {
            return Optional.empty();
        }
        String scope = scope(who, null);
        String sql = "SELECT * FROM submission WHERE outcome = 'accepted' AND "
                + (byReference ? "reference = ?" : "tx_id = ?")
                + (scope == null ? "" : " AND agency_id = ?");
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(
                    1,
                    byReference
                            ? ReferenceNumber.parse(idOrReference).orElseThrow().toString()
                            : idOrReference.toLowerCase(java.util.Locale.ROOT));
            if (scope != null) {
                st.setString(2, scope);
            }
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(mapper.map(rs)) : Optional.empty();
            }
        }
    }

    /** The one agency an officer may see; for the ICT office, the agency asked for, or every one. */
    private static @Nullable String scope(Principal.Person who, @Nullable String asked) {
        if (who.role() == Role.AGENCY_OFFICER) {
            if (asked != null && !asked.equals(who.agencyId())) {
                throw ApiException.forbidden("an officer sees only their own agency's cases");
            }
            return who.agencyId();
        }
        return asked;
    }

    private static CaseSummary summary(ResultSet rs) throws SQLException {
        return new CaseSummary(
                UUID.fromString(rs.getString("tx_id")),
                rs.getString("reference"),
                rs.getString("service_id"),
                rs.getString("agency_id"),
                rs.getString("status"),
                rs.getString("case_number"),
                Instant.ofEpochMilli(rs.getLong("received_at")),
                rs.getLong("fee_cents"),
                rs.getString("currency"));
    }
}
