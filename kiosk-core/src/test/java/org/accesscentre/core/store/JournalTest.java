package org.accesscentre.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.accesscentre.core.reference.ReferenceNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    private static final Instant T0 = Instant.parse("2026-11-22T14:00:00Z");

    @TempDir
    Path dir;

    SqliteStore store;
    Journal journal;

    @BeforeEach
    void open() throws StoreException {
        store = SqliteStore.open(dir.resolve("kiosk.db"), StoreOptions.DEFAULTS);
        journal = store.journal();
    }

    @AfterEach
    void close() throws StoreException {
        store.close();
    }

    private static ObjectNode body(String field, String value) {
        return JsonNodeFactory.instance.objectNode().put(field, value);
    }

    @Test
    void entriesAreKeptInOrderUntilMarkedSentAndSurviveAReopen() throws StoreException {
        Journal.Entry first = journal.append("session.started", body("ticket", "A-001"), T0);
        Journal.Entry second = journal.append("session.ended", body("reason", "time"), T0.plusSeconds(60));
        assertTrue(second.sequence() > first.sequence());

        store.close();
        store = SqliteStore.open(dir.resolve("kiosk.db"), StoreOptions.DEFAULTS);
        journal = store.journal();

        List<Journal.Entry> unsent = journal.unsent(10);
        assertEquals(
                List.of(first.id(), second.id()),
                unsent.stream().map(Journal.Entry::id).toList());
        assertEquals("A-001", unsent.getFirst().body().get("ticket").asText());
        assertEquals(T0, unsent.getFirst().at());

        journal.markSent(List.of(first.id(), UUID.randomUUID()), T0.plusSeconds(90));
        assertEquals(
                List.of(second.id()),
                journal.unsent(10).stream().map(Journal.Entry::id).toList());
        assertEquals(1, journal.unsentCount());
        assertEquals(
                List.of(second.id(), first.id()),
                journal.latest(10).stream().map(Journal.Entry::id).toList());
    }

    @Test
    void aBadKindOrAnOversizedBodyIsRefusedAndNothingIsWritten() throws StoreException {
        assertThrows(IllegalArgumentException.class, () -> journal.append("Session Ended", body("a", "b"), T0));
        assertThrows(IllegalArgumentException.class, () -> journal.append("session", body("a", "b"), T0));
        var big = body("padding", "x".repeat(Journal.MAX_BODY_CHARS));
        var e = assertThrows(IllegalArgumentException.class, () -> journal.append("session.ended", big, T0));
        assertTrue(e.getMessage().contains("limit"), e.getMessage());
        assertEquals(0, journal.unsentCount());
    }

    @Test
    void cashIsConfirmedOncePerRequestWithAReceiptNumberUsedOnce() throws StoreException {
        ReferenceNumber paidFor = store.submit(TestSubmissions.of(100, T0)).reference();
        ReferenceNumber other = store.submit(TestSubmissions.of(100, T0)).reference();

        Journal.Payment payment = journal.confirmPayment(paidFor, 2500, " 004512 ", "att-1", T0.plusSeconds(30));
        assertEquals("004512", payment.cashReceipt());

        var twice = assertThrows(
                PaymentRefusedException.class,
                () -> journal.confirmPayment(paidFor, 2500, "004513", "att-1", T0.plusSeconds(40)));
        assertTrue(twice.getMessage().contains("paid already"), twice.getMessage());
        var reused = assertThrows(
                PaymentRefusedException.class,
                () -> journal.confirmPayment(other, 2500, "004512", "att-1", T0.plusSeconds(40)));
        assertTrue(reused.getMessage().contains("already used"), reused.getMessage());
        assertThrows(PaymentRefusedException.class, () -> journal.confirmPayment(other, 0, "004514", "att-1", T0));
        assertThrows(
                PaymentRefusedException.class,
                () -> journal.confirmPayment(other, 2500, "no spaces allowed", "att-1", T0));
        ReferenceNumber unknown = new ReferenceNumber("SOU", 3, 999);
        var missing = assertThrows(
                PaymentRefusedException.class, () -> journal.confirmPayment(unknown, 2500, "004515", "att-1", T0));
        assertTrue(missing.getMessage().contains("no request"), missing.getMessage());

        // Only the one confirmation was written, with its journal entry.
        assertTrue(journal.fee(other).orElseThrow().payment().isEmpty());
        List<Journal.Entry> entries = journal.unsent(10);
        assertEquals(1, entries.size());
        assertEquals("payment.confirmed", entries.getFirst().kind());
        assertEquals(
                paidFor.toString(), entries.getFirst().body().get("reference").asText());
        assertEquals(2500, entries.getFirst().body().get("amountCents").asLong());
    }

    @Test
    void theDayReportTotalsExpectedConfirmedAndUnpaidPerService() throws StoreException {
        ReferenceNumber a = store.submit(TestSubmissions.of(10, T0)).reference();
        ReferenceNumber b =
                store.submit(TestSubmissions.of(10, T0.plusSeconds(60))).reference();
        store.submit(TestSubmissions.of(10, T0.plusSeconds(120)));
        store.submit(TestSubmissions.of(10, T0.plusSeconds(86_400))); // the next day
        journal.confirmPayment(a, 2500, "1001", "att-1", T0.plusSeconds(300));
        journal.confirmPayment(b, 2000, "1002", "att-1", T0.plusSeconds(300)); // 5.00 short

        Reconciliation day = Reconciliation.of(
                LocalDate.of(2026, 11, 22), journal.fees(T0.minusSeconds(3600), T0.plusSeconds(36_000)));

        Reconciliation.Line line = day.lines().getFirst();
        assertEquals(1, day.lines().size());
        assertEquals("birth-certificate", line.serviceId());
        assertEquals(3, line.requests());
        assertEquals(7500, line.expectedCents());
        assertEquals(2, line.paid());
        assertEquals(4500, line.confirmedCents());
        assertEquals(-500, line.differenceCents());
        assertEquals(1, line.unpaid());
        assertEquals(2500, line.unpaidCents());
        assertEquals(line.expectedCents(), day.total().expectedCents());
        assertEquals("XCD", day.currency());
    }
}
