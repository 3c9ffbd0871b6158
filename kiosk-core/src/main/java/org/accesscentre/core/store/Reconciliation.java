package org.accesscentre.core.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The end-of-day cash report: per service and in all, what the day's requests with a fee should have brought,
 * what the attendant confirmed in cash, and what is still unpaid. Worked out from {@link Journal#fees}, so it
 * says the same whenever it is printed.
 *
 * @param currency the fees' currency, or "" when the day had none
 */
public record Reconciliation(LocalDate day, String currency, List<Line> lines, Line total) {
    public Reconciliation {
        lines = List.copyOf(lines);
    }

    /**
     * One service's figures, or the total's (service "").
     *
     * @param confirmedCents the cash confirmed, which may differ from the fees it paid if the attendant entered
     *     another amount: the difference shows here
     */
    public record Line(
            String serviceId,
            int requests,
            long expectedCents,
            int paid,
            long paidFeesCents,
            long confirmedCents,
            int unpaid,
            long unpaidCents) {
        Line add(Journal.Fee fee) {
            boolean isPaid = fee.payment().isPresent();
            return new Line(
                    serviceId,
                    requests + 1,
                    expectedCents + fee.feeCents(),
                    paid + (isPaid ? 1 : 0),
                    paidFeesCents + (isPaid ? fee.feeCents() : 0),
                    confirmedCents
                            + fee.payment().map(Journal.Payment::amountCents).orElse(0L),
                    unpaid + (isPaid ? 0 : 1),
                    unpaidCents + (isPaid ? 0 : fee.feeCents()));
        }

        /** Confirmed cash that does not match the fees it paid: more or less was taken than was due. */
        public long differenceCents() {
            return confirmedCents - paidFeesCents;
        }

        static Line empty(String serviceId) {
            return new Line(serviceId, 0, 0, 0, 0, 0, 0, 0);
        }
    }

    /** The report for {@code day} from that day's fees. */
    public static Reconciliation of(LocalDate day, List<Journal.Fee> fees) {
        Map<String, Line> byService = new TreeMap<>();
        Line total = Line.empty("");
        String currency = "";
        for (Journal.Fee fee : fees) {
            byService.merge(fee.serviceId(), Line.empty(fee.serviceId()).add(fee), (a, b) -> a.add(fee));
            total = total.add(fee);
            if (currency.isEmpty()) {
                currency = fee.currency();
            }
        }
        return new Reconciliation(day, currency, new ArrayList<>(byService.values()), total);
    }
}
