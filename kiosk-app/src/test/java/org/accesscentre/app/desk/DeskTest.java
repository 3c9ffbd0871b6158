package org.accesscentre.app.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.accesscentre.app.flow.Screen;
import org.accesscentre.core.store.Journal;
import org.accesscentre.core.store.PaymentRefusedException;
import org.accesscentre.core.store.Reconciliation;
import org.accesscentre.core.store.SqliteStore;
import org.accesscentre.core.store.StoreOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeskTest {
    @TempDir
    Path dir;

    Desks d;

    @BeforeEach
    void open() throws Exception {
        d = new Desks(dir);
    }

    @AfterEach
    void close() throws Exception {
        d.close();
    }

    private PinGate.Outcome tryPin(String pin) {
        List<PinGate.Outcome> out = new ArrayList<>();
        d.desk.signIn(Desks.MARIE, pin.toCharArray(), out::add);
        return out.getFirst();
    }

    @Test
    void aRightPinOpensAttendantModeAndIsJournalled() throws Exception {
        assertInstanceOf(PinGate.Outcome.Granted.class, tryPin("2468"));
        assertEquals("att-1", d.desk.attendant().orElseThrow().id());
        assertEquals(
                "att-1", d.last("attendant.signed_in").body().get("attendant").asText());
        d.desk.signOut();
        assertTrue(d.desk.attendant().isEmpty());
        assertEquals(List.of("attendant.signed_in", "attendant.signed_out"), d.kinds());
    }

    @Test
    void fiveWrongPinsLockPinEntryForLongerEachTimeEvenAcrossARestart() throws Exception {
        for (int i = 1; i <= 4; i++) {
            var refused = assertInstanceOf(PinGate.Outcome.Refused.class, tryPin("0000"));
            assertEquals(5 - i, refused.triesLeft());
            assertNull(refused.lockedUntil());
        }
        var fifth = assertInstanceOf(PinGate.Outcome.Refused.class, tryPin("0000"));
        Instant now = d.kiosk.clock.instant();
        assertEquals(now.plusSeconds(30), fifth.lockedUntil());
        // Locked: even the right PIN is not checked.
        assertInstanceOf(PinGate.Outcome.LockedOut.class, tryPin("2468"));
        assertTrue(d.desk.attendant().isEmpty());

        // The app restarts: the count is in the store.
        d.close();
        d = new Desks(dir);
        assertEquals(now.plusSeconds(30), d.desk.pinLockedUntil().orElseThrow());
        d.kiosk.clock.advance(Duration.ofSeconds(30));
        var sixth = assertInstanceOf(PinGate.Outcome.Refused.class, tryPin("9999"));
        assertEquals(d.kiosk.clock.instant().plusSeconds(60), sixth.lockedUntil());
        d.kiosk.clock.advance(Duration.ofSeconds(60));
        assertInstanceOf(PinGate.Outcome.Granted.class, tryPin("2468"));
        d.desk.signOut();
        // A right PIN clears the count.
        assertInstanceOf(PinGate.Outcome.Refused.class, tryPin("0000"));
        assertTrue(d.desk.pinLockedUntil().isEmpty());
        assertEquals(PinGate.LONGEST_LOCKOUT, PinGate.lockout(40));
    }

    @Test
    void aSessionWarnsAtFiveAndOneMinutesAndEndsWipingTheCitizensWork() throws Exception {
        d.signIn();
        d.desk.startSession("A-004");
        d.kiosk.shell.start();
        assertEquals("30:00", d.desk.sessionLeftProperty().get());

        d.kiosk.clock.advance(Duration.ofMinutes(24));
        d.desk.tick();
        assertNull(d.desk.warningProperty().get());
        d.kiosk.clock.advance(Duration.ofMinutes(1));
        d.desk.tick();
        assertEquals(Duration.ofMinutes(5), d.desk.warningProperty().get().left());
        d.desk.dismissWarning();
        d.desk.tick();
        assertNull(d.desk.warningProperty().get(), "each warning comes once");
        d.kiosk.clock.advance(Duration.ofMinutes(4));
        d.desk.tick();
        assertEquals(Duration.ofMinutes(1), d.desk.warningProperty().get().left());
        assertEquals("1:00", d.desk.sessionLeftProperty().get());

        d.kiosk.clock.advance(Duration.ofMinutes(1));
        d.desk.tick();
        assertNull(d.desk.sessionProperty().get());
        assertEquals(Screen.WELCOME, d.kiosk.shell.screen());
        Journal.Entry ended = d.last("session.ended");
        assertEquals("time_up", ended.body().get("reason").asText());
        assertEquals(1800, ended.body().get("seconds").asLong());
        assertEquals("A-004", ended.body().get("ticket").asText());
    }

    @Test
    void anAttendantExtendsAndEndsASession() throws Exception {
        d.signIn();
        d.desk.startSession(null);
        d.kiosk.clock.advance(Duration.ofMinutes(26));
        d.desk.tick();
        assertEquals(Duration.ofMinutes(4), d.desk.warningProperty().get().left());
        d.desk.extendSession(Duration.ofMinutes(10));
        assertNull(d.desk.warningProperty().get());
        assertEquals("14:00", d.desk.sessionLeftProperty().get());
        d.kiosk.clock.advance(Duration.ofMinutes(9));
        d.desk.tick();
        assertEquals(Duration.ofMinutes(5), d.desk.warningProperty().get().left(), "warned again before the new end");
        d.desk.endSession();
        assertNull(d.desk.sessionProperty().get());
        assertEquals(
                "ended_by_attendant",
                d.last("session.ended").body().get("reason").asText());
        assertEquals(600, d.last("session.extended").body().get("bySeconds").asLong());
    }

    @Test
    void aSessionEndsAtClosingTimeWithAWarningFirst() throws Exception {
        d.close();
        // T0 is 10:00 local; the centre closes at 10:20, before the 30-minute limit.
        d = new Desks(dir, Desks.hours(LocalTime.of(8, 0), LocalTime.of(10, 20)));
        d.signIn();
        d.desk.startSession(null);
        assertTrue(d.desk.sessionProperty().get().endsAtClosing());
        d.desk.extendSession(Duration.ofMinutes(30));
        assertEquals("20:00", d.desk.sessionLeftProperty().get(), "never extended past closing");
        d.kiosk.clock.advance(Duration.ofMinutes(15));
        d.desk.tick();
        assertTrue(d.desk.warningProperty().get().closing());
        d.kiosk.clock.advance(Duration.ofMinutes(5));
        d.desk.tick();
        assertEquals("closing", d.last("session.ended").body().get("reason").asText());
        // Closed now: no new session.
        assertThrows(IllegalStateException.class, () -> d.desk.startSession(null));
    }

    @Test
    void theQueueIssuesCallsSkipsAndRecallsTickets() throws Exception {
        d.signIn();
        assertEquals("A-001", d.desk.issueTicket());
        assertEquals("A-002", d.desk.issueTicket());
        assertEquals("A-003", d.desk.issueTicket());
        assertEquals("", d.desk.nowServingProperty().get());
        assertEquals("A-001", d.desk.callNext().orElseThrow());
        assertEquals("A-001", d.desk.nowServingProperty().get());
        assertEquals("A-002", d.desk.skipTicket().orElseThrow());
        d.desk.recallTicket(1);
        assertEquals("A-001", d.desk.nowServingProperty().get());
        assertEquals(List.of(2, 3), d.desk.queueState().waiting());
        assertThrows(IllegalArgumentException.class, () -> d.desk.recallTicket(3));

        // The next day starts at A-001 again.
        d.kiosk.clock.advance(Duration.ofDays(1));
        assertEquals("A-001", d.desk.issueTicket());
        assertTrue(d.kinds().contains("queue.skipped"));
    }

    @Test
    void helpIsOneRequestUntilTheAttendantComes() throws Exception {
        d.desk.requestHelp("screen");
        d.desk.requestHelp("button");
        assertTrue(d.desk.helpRequestedProperty().get());
        d.kiosk.clock.advance(Duration.ofSeconds(45));
        d.signIn();
        d.desk.answerHelp();
        assertFalse(d.desk.helpRequestedProperty().get());
        assertEquals(List.of("help.requested", "attendant.signed_in", "help.answered"), d.kinds());
        assertEquals(45, d.last("help.answered").body().get("waitedSeconds").asLong());
    }

    @Test
    void cashIsConfirmedByTheAttendantAndTheDayReportAddsUp() throws Exception {
        var paid = d.paidService(2500);
        var short5 = d.paidService(2500);
        d.paidService(2500);
        assertThrows(IllegalStateException.class, () -> d.desk.cash().confirm(paid, 2500, "1001"));

        d.signIn();
        d.desk.cash().confirm(paid, 2500, "1001");
        d.desk.cash().confirm(short5, 2000, "1002");
        var twice =
                assertThrows(PaymentRefusedException.class, () -> d.desk.cash().confirm(paid, 2500, "1003"));
        assertTrue(twice.getMessage().contains("paid already"), twice.getMessage());

        // A licence's fee is paid at the licensing office: not the desk's cash.
        var licence = d.paidService("licence-renewal", 10_000);
        var atAgency =
                assertThrows(PaymentRefusedException.class, () -> d.desk.cash().confirm(licence, 10_000, "1004"));
        assertTrue(atAgency.getMessage().contains("paid at the agency"), atAgency.getMessage());

        List<Journal.Fee> fees = d.desk.cash().fees(d.kiosk.ctx.today());
        assertEquals(3, fees.size());
        assertEquals("att-1", fees.getFirst().payment().orElseThrow().confirmedBy());
        Reconciliation r = d.desk.cash().close(d.kiosk.ctx.today());
        assertEquals(7500, r.total().expectedCents());
        assertEquals(4500, r.total().confirmedCents());
        assertEquals(-500, r.total().differenceCents());
        assertEquals(1, r.total().unpaid());
        Journal.Entry closed = d.last("day.reconciled");
        assertEquals(2500, closed.body().get("unpaidCents").asLong());
        assertEquals(4500, closed.body().get("confirmedCents").asLong());
        assertEquals(
                "1002", d.last("payment.confirmed").body().get("cashReceipt").asText());
        // A request made the next day is in the next day's report.
        d.kiosk.clock.advance(Duration.ofDays(1));
        d.paidService(1000);
        assertEquals(1000, d.desk.cash().report(d.kiosk.ctx.today()).total().expectedCents());
    }

    @Test
    void lockingShowsOutOfServiceAndAPortalLockIsNoticed() throws Exception {
        d.signIn();
        d.desk.maintenance().lock("screen cracked");
        assertTrue(d.desk.maintenance().lockProperty().get().locked());
        assertEquals(
                "screen cracked", d.last("kiosk.locked").body().get("reason").asText());
        d.desk.maintenance().unlock();
        assertFalse(d.desk.maintenance().lockProperty().get().locked());

        // The daemon writes the portal's lock command into the store; the desk notices on its next look.
        try (SqliteStore other = SqliteStore.open(dir.resolve("kiosk.db"), StoreOptions.DEFAULTS)) {
            org.accesscentre.core.state.DeviceState.write(
                    other,
                    org.accesscentre.core.state.DeviceState.LOCK,
                    new org.accesscentre.core.state.KioskLock(true, "maintenance", "ict-office", Instant.now()),
                    Instant.now());
        }
        d.desk.refresh();
        assertEquals("ict-office", d.desk.maintenance().lockProperty().get().by());
    }
}
