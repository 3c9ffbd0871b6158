package org.accesscentre.sync.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.accesscentre.core.store.QueueStats;
import org.accesscentre.core.store.Receipt;
import org.accesscentre.core.store.SqliteStore;
import org.accesscentre.core.store.SubmissionRecord;
import org.accesscentre.core.store.SyncState;
import org.accesscentre.portal.support.TestPortal;

/**
 * What every fault test ends with: the portal holds exactly the submitted set, stored once each, and the
 * kiosk knows it: every receipt acknowledged, nothing left queued or in flight.
 */
public final class Delivered {
    private Delivered() {}

    /** The portal's figures: received counts distinct stored transactions, never a resend. */
    public static JsonNode assertPortalHoldsExactly(TestPortal portal, SqliteStore kiosk, List<Receipt> receipts)
            throws Exception {
        JsonNode stats = portal.txStats();
        assertEquals(receipts.size(), stats.get("received").asLong(), "received: " + stats);
        assertEquals(receipts.size(), stats.get("accepted").asLong(), "accepted: " + stats);
        assertEquals(0, stats.get("conflicts").asLong(), "conflicts: " + stats);
        List<String> notAcknowledged = new ArrayList<>();
        for (Receipt r : receipts) {
            SubmissionRecord record = kiosk.lookup(r.reference()).orElseThrow();
            if (record.syncState() != SyncState.ACKNOWLEDGED) {
                notAcknowledged.add(r.reference() + "=" + record.syncState());
            }
        }
        assertEquals(List.of(), notAcknowledged, "receipts the kiosk does not know the portal has");
        QueueStats queue = kiosk.stats(Instant.now());
        assertEquals(0, queue.depth(), "queue: " + queue);
        assertEquals(0, queue.inFlight(), "queue: " + queue);
        return stats;
    }

    public static JsonNode assertPortalHoldsExactly(TestPortal portal, TestKiosk kiosk, List<Receipt> receipts)
            throws Exception {
        return assertPortalHoldsExactly(portal, kiosk.app, receipts);
    }

    /** Nothing the kiosk took is lost: each receipt is still there, sealed, and waiting to be sent. */
    public static void assertAllStillQueued(TestKiosk kiosk, List<Receipt> receipts) throws Exception {
        for (Receipt r : receipts) {
            SubmissionRecord record = kiosk.app.lookup(r.reference()).orElseThrow();
            assertEquals(SyncState.QUEUED, record.syncState(), r.reference().toString());
            assertTrue(record.sealedPresent(), r.reference() + " lost its sealed payload");
        }
    }

    /** How many queued submissions wait for each next-attempt time, read straight from the store's file. */
    public static Map<Instant, Integer> nextAttempts(Path storeFile) throws Exception {
        Map<Instant, Integer> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + storeFile);
                PreparedStatement st = c.prepareStatement(
                        "SELECT next_attempt_at, COUNT(*) FROM submission WHERE sync_state = 'queued' GROUP BY 1");
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.put(Instant.ofEpochMilli(rs.getLong(1)), rs.getInt(2));
            }
        }
        return out;
    }
}
