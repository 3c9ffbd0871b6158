package org.accesscentre.sync.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import org.accesscentre.core.json.Json;
import org.accesscentre.core.state.DeviceState;
import org.accesscentre.core.state.SyncRequest;
import org.accesscentre.core.store.Journal;
import org.accesscentre.portal.support.Http;
import org.accesscentre.portal.support.TestPortal;
import org.accesscentre.sync.SyncEngine;
import org.accesscentre.sync.support.PortalFront;
import org.accesscentre.sync.support.TestKiosk;
import org.accesscentre.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kiosk's journal reaches the portal: entries the app appends are sent after the outbox, marked sent only
 * when the portal answered for all of them, and resent after a lost answer without a second row. The app's
 * "sync now" runs a whole round. The real portal, through a front that can lose answers; nothing sleeps.
 */
class JournalSyncTest {
    private static final String PATH_EVENTS = "/api/v1/device/events";

    @TempDir
    Path dir;

    private final TestClock portalClock = new TestClock(Instant.parse("2026-11-22T14:00:00Z"));
    private final TestClock kioskClock = new TestClock(Instant.parse("2026-11-22T13:58:00Z"));
    private TestPortal portal;
    private PortalFront front;
    private TestKiosk kiosk;
    private Journal journal;

    @BeforeEach
    void start() throws Exception {
        portal = TestPortal.start(TestPortal.Db.SQLITE, dir.resolve("portal"), portalClock);
        front = PortalFront.start(portal.portal.url());
        kiosk = TestKiosk.create(portal, dir.resolve("kiosk"), "SOU", 3, front.url(), kioskClock);
        kiosk.round(); // enrols, beats, finds nothing to send
        journal = kiosk.app.journal();
    }

    @AfterEach
    void stop() throws Exception {
        kiosk.close();
        front.close();
        portal.close();
    }

    private SyncEngine engine() {
        return kiosk.daemon().engine();
    }

    /** Entries as the app appends them, then the store's change noticed as the daemon's watcher does. */
    private List<Journal.Entry> append(int n) throws Exception {
        List<Journal.Entry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ObjectNode body = Json.wire()
                    .createObjectNode()
                    .put("ticket", "A-" + (100 + i))
                    .put("attendant", "att-1");
            entries.add(
                    journal.append(i % 2 == 0 ? "queue.ticket_issued" : "session.ended", body, kioskClock.instant()));
        }
        engine().newSubmissions();
        return entries;
    }

    private long portalRows() {
        return portal.count("SELECT COUNT(*) FROM device_event");
    }

    @Test
    void journalEntriesReachThePortalAndAreMarkedSent() throws Exception {
        Instant appended = kioskClock.instant();
        List<Journal.Entry> entries = append(450); // more than one batch of 200
        kiosk.round();

        assertEquals(0, journal.unsentCount());
        assertEquals(450, portalRows());
        assertEquals(3, front.count(PATH_EVENTS), "batches of 200, 200 and 50");
        Http.Response listed = portal.http.get("/api/v1/admin/events?limit=1", portal.admin);
        JsonNode newest = listed.json().get(0);
        assertEquals(entries.getLast().id().toString(), newest.get("id").asText());
        assertEquals(entries.getLast().sequence(), newest.get("sequence").asLong());
        assertEquals("SOU", newest.get("centre").asText());
        assertEquals(appended.toString(), newest.get("kioskTime").asText());
        assertEquals("A-549", newest.at("/body/ticket").asText());

        kiosk.round();
        assertEquals(3, front.count(PATH_EVENTS), "nothing unsent, nothing sent");
    }

    @Test
    void aLostAnswerLeadsToAResendCountedDuplicateAndNoSecondRow() throws Exception {
        append(5);
        front.answerAfterPortal(PATH_EVENTS, 1, () -> PortalFront.status(502));

        kiosk.round();
        assertEquals(5, portalRows(), "the portal stored them");
        assertEquals(5, journal.unsentCount(), "the kiosk was told otherwise, so they stay unsent");

        for (int i = 0; i < 10 && journal.unsentCount() > 0; i++) {
            kiosk.round();
        }
        assertEquals(0, journal.unsentCount());
        assertEquals(5, portalRows(), "the resend made no second row");
        List<PortalFront.Exchange> sends = front.exchanges(PATH_EVENTS);
        assertEquals(
                List.of(502, 200),
                sends.stream().map(PortalFront.Exchange::status).toList());
        assertTrue(sends.stream().allMatch(PortalFront.Exchange::forwarded), "the portal saw both");
    }

    @Test
    void aTwoHundredThatIsNotThePortalsAnswerMarksNothing() throws Exception {
        append(3);
        front.answerInstead(PATH_EVENTS, 1, PortalFront::loginPage);
        front.answerInstead(
                PATH_EVENTS,
                1,
                () -> new MockResponse.Builder()
                        .code(200)
                        .setHeader("Content-Type", "application/json")
                        .body("{}")
                        .build());

        kiosk.round();
        assertEquals(3, journal.unsentCount(), "a login page is no answer");
        assertFalse(DeviceState.read(kiosk.app, DeviceState.SYNC).orElseThrow().online());
        kiosk.round();
        assertEquals(3, journal.unsentCount(), "JSON that does not answer for the batch is no answer either");

        for (int i = 0; i < 10 && journal.unsentCount() > 0; i++) {
            kiosk.round();
        }
        assertEquals(0, journal.unsentCount());
        assertEquals(3, portalRows());
    }

    @Test
    void theAppsSyncNowRequestRunsAWholeRoundOncePerRequest() throws Exception {
        int heartbeats = front.count(PortalFront.PATH_HEARTBEAT);
        Instant now = kioskClock.instant();
        engine().runDue();
        assertEquals(heartbeats, front.count(PortalFront.PATH_HEARTBEAT), "nothing is due yet");

        append(2);
        engine().newSubmissions();
        DeviceState.write(kiosk.app, DeviceState.SYNC_REQUESTED, new SyncRequest(now, "att-1"), now);
        engine().runDue(); // the clock has not moved: only the request makes the heartbeat due

        assertEquals(heartbeats + 1, front.count(PortalFront.PATH_HEARTBEAT), "the round beat at once");
        assertEquals(0, journal.unsentCount(), "and sent the journal");
        assertEquals(2, portalRows());

        engine().runDue();
        assertEquals(heartbeats + 1, front.count(PortalFront.PATH_HEARTBEAT), "a request is served once");

        DeviceState.write(kiosk.app, DeviceState.SYNC_REQUESTED, new SyncRequest(now.plusSeconds(1), "att-2"), now);
        engine().runDue();
        assertEquals(heartbeats + 2, front.count(PortalFront.PATH_HEARTBEAT), "a newer request, another round");
    }
}
