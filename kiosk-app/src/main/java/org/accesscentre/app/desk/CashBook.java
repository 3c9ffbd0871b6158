package org.accesscentre.app.desk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.accesscentre.app.flow.KioskContext;
import org.accesscentre.core.catalogue.Fee;
import org.accesscentre.core.reference.ReferenceNumber;
import org.accesscentre.core.store.Journal;
import org.accesscentre.core.store.PaymentRefusedException;
import org.accesscentre.core.store.Reconciliation;
import org.accesscentre.core.store.StoreException;

/**
 * Cash for fees at the desk: today's requests with a fee, the attendant's confirmation of cash received, and
 * the end-of-day report. The store checks each confirmation and journals it in the same transaction.
 */
public final class CashBook {
    private final KioskContext ctx;
    private final Journal journal;
    private final Desk desk;

    CashBook(KioskContext ctx, Journal journal, Desk desk) {
        this.ctx = ctx;
        this.journal = journal;
        this.desk = desk;
    }

    /**
     * The requests made on {@code day} (the centre's local date) whose fee is paid at this desk, oldest first.
     * A fee paid at the agency (a licence, paid when the photo is taken) is not the desk's cash.
     */
    public List<Journal.Fee> fees(LocalDate day) throws StoreException {
        Instant from = day.atStartOfDay(ctx.zone()).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(ctx.zone()).toInstant();
        return journal.fees(from, to).stream()
                .filter(f -> paidAtDesk(f.serviceId()))
                .toList();
    }

    private boolean paidAtDesk(String serviceId) {
        return desk.catalogue()
                .service(serviceId)
                .map(s -> s.fee() != null && s.fee().payAt() == Fee.PayAt.DESK)
                .orElse(true); // a service since withdrawn: its fee was taken here, so it stays in the books
    }

    /**
     * Confirms cash received for a request's fee by the signed-in attendant.
     *
     * @throws org.accesscentre.core.store.PaymentRefusedException saying what to correct; nothing is recorded
     * @throws IllegalStateException when nobody is signed in
     */
    public Journal.Payment confirm(ReferenceNumber reference, long amountCents, String cashReceipt)
            throws StoreException {
        String attendant = desk.attendantId();
        if (attendant.isEmpty()) {
            throw new IllegalStateException("an attendant must be signed in to take cash");
        }
        Optional<Journal.Fee> fee = journal.fee(reference);
        if (fee.isPresent() && !paidAtDesk(fee.get().serviceId())) {
            throw new PaymentRefusedException("the fee for " + reference + " is paid at the agency, not at this desk");
        }
        return journal.confirmPayment(
                reference, amountCents, cashReceipt, attendant, ctx.clock().instant());
    }

    /** The end-of-day report for {@code day}. */
    public Reconciliation report(LocalDate day) throws StoreException {
        return Reconciliation.of(day, fees(day));
    }

    /** The report was closed for the day (printed or not): its totals go to the portal. */
    public Reconciliation close(LocalDate day) throws StoreException {
        Reconciliation r = report(day);
        Reconciliation.Line t = r.total();
        desk.record(
                "day.reconciled",
                desk.body()
                        .put("day", day.toString())
                        .put("currency", r.currency())
                        .put("requests", t.requests())
                        .put("expectedCents", t.expectedCents())
                        .put("paid", t.paid())
                        .put("confirmedCents", t.confirmedCents())
                        .put("unpaid", t.unpaid())
                        .put("unpaidCents", t.unpaidCents()));
        return r;
    }
}
