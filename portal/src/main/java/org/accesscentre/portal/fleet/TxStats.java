package org.accesscentre.portal.fleet;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.accesscentre.portal.db.Database;

/**
 * Transaction figures: the totals {@code kioskctl tx stats} prints, and the breakdown per day, centre and
 * service that ingest counted (duplicates and conflicts leave no other trace).
 */
public final class TxStats {
    private final Database db;

    public TxStats(Database db) {
        this.db = db;
    }

    /**
     * @param received distinct transactions stored (accepted or rejected)
     * @param duplicates identical resends answered "duplicate"
     * @param conflicts resends with different content answered "conflict"
     */
    public record Totals(long received, long accepted, long rejected, long duplicates, long conflicts) {}

    public record Row(String day, String centre, String serviceId, String outcome, long count) {}

    public Totals totals() throws SQLException {
        return db.read(c -> {
            long accepted = 0;
            long rejected = 0;
            try (PreparedStatement st =
                            c.prepareStatement("SELECT outcome, COUNT(*) FROM submission GROUP BY outcome");
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(1).equals("accepted")) {
                        accepted = rs.getLong(2);
                    } else {
                        rejected = rs.getLong(2);
                    }
                }
            }
            long duplicates = 0;
            long conflicts = 0;
            try (PreparedStatement st = c.prepareStatement(
                            "SELECT outcome, SUM(count) FROM ingest_count WHERE outcome IN ('duplicate', 'conflict') GROUP BY outcome");
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(1).equals("duplicate")) {
                        duplicates = rs.getLong(2);
                    } else {
                        conflicts = rs.getLong(2);
                    }
                }
            }
            return new Totals(accepted + rejected, accepted, rejected, duplicates, conflicts);
        });
    }

    public List<Row> byDay(String fromDay, String toDay) throws SQLException {
        return db.read(c -> {
            List<Row> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("""
                    SELECT day, centre, service_id, outcome, count FROM ingest_count
                    WHERE day >= ? AND day <= ? ORDER BY day, centre, service_id, outcome
                    """)) {
                st.setString(1, fromDay);
                st.setString(2, toDay);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Row(
                                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)));
                    }
                }
            }
            return out;
        });
    }
}
