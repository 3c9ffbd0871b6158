package org.accesscentre.app.desk;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.accesscentre.app.flow.KioskContext;
import org.accesscentre.app.i18n.Strings;
import org.accesscentre.app.receipt.PrintResult;
import org.accesscentre.app.receipt.PrinterState;
import org.accesscentre.app.receipt.ReceiptException;
import org.accesscentre.app.receipt.ReportContent;
import org.accesscentre.app.receipt.TicketContent;
import org.accesscentre.core.state.DeviceState;
import org.accesscentre.core.state.PrinterStatus;
import org.accesscentre.core.store.Reconciliation;
import org.accesscentre.core.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the desk prints (queue tickets, the day's report, a test page) and the printer's state, which it
 * writes to the store for the health panel and the daemon's heartbeat. Printing and asking the printer run
 * on the background executor; results come back on the UI thread.
 */
public final class DeskPrinting {
    private static final Logger LOG = LoggerFactory.getLogger(DeskPrinting.class);

    private final KioskContext ctx;

    public DeskPrinting(KioskContext ctx) {
        this.ctx = ctx;
    }

    TicketContent ticket(String label, Strings s) {
        return ticket(label, s.get("ticket.note"), s.locale(), s);
    }

    /** A page the size of a ticket that says the printer works; in the attendant's English. */
    TicketContent testPage(Strings s) {
        return ticket("TEST", "Printer test: if you can read this, the printer works.", "en", s);
    }

    private TicketContent ticket(String label, String note, String localeTag, Strings s) {
        Locale locale = Locale.forLanguageTag(localeTag);
        return new TicketContent(
                List.of(s.get("receipt.country"), s.get("receipt.centreName")),
                label,
                from(s),
                DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", locale)
                        .format(ctx.clock().instant().atZone(ctx.zone())),
                note,
                localeTag);
    }

    private String from(Strings s) {
        return s.get("receipt.from", Map.of("centre", ctx.centre(), "kiosk", Integer.toString(ctx.kiosk())));
    }

    ReportContent report(Reconciliation r, String attendant) {
        List<ReportContent.Row> rows = new ArrayList<>();
        for (Reconciliation.Line line : r.lines()) {
            rows.add(new ReportContent.Row(line.serviceId(), "", true));
            rows.addAll(figures(line));
        }
        rows.add(ReportContent.Row.rule());
        rows.add(new ReportContent.Row("All services", "", true));
        rows.addAll(figures(r.total()));
        return new ReportContent(
                List.of("Community Access Centre", "Centre " + ctx.centre() + ", kiosk " + ctx.kiosk()),
                "Cash for fees, " + r.day(),
                "Printed "
                        + DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT)
                                .format(ctx.clock().instant().atZone(ctx.zone()))
                        + " by " + attendant,
                rows,
                List.of("Count the cash in the drawer against Cash confirmed."));
    }

    private static List<ReportContent.Row> figures(Reconciliation.Line l) {
        return List.of(
                new ReportContent.Row("Requests with a fee", Integer.toString(l.requests()), false),
                new ReportContent.Row("Expected", Money.format(l.expectedCents()), false),
                new ReportContent.Row("Paid (" + l.paid() + ")", Money.format(l.paidFeesCents()), false),
                new ReportContent.Row("Cash confirmed", Money.format(l.confirmedCents()), true),
                new ReportContent.Row("Unpaid (" + l.unpaid() + ")", Money.format(l.unpaidCents()), false));
    }

    /** A print job on the background executor; its outcome in words reaches {@code then} on the UI thread. */
    interface Job {
        PrintResult run() throws ReceiptException;
    }

    void print(String what, Job job, Consumer<String> then) {
        ctx.background().execute(() -> {
            String words;
            try {
                PrintResult result = job.run();
                words = switch (result) {
                    case PrintResult.Printed p -> what + " printed.";
                    case PrintResult.Saved s ->
                        what + " saved as a picture: " + s.file().getFileName() + ".";
                    case PrintResult.NotPrinted n ->
                        what + " not printed: " + n.problem().words() + ".";
                };
            } catch (ReceiptException e) {
                LOG.warn("cannot print {}: {}", what, e.getMessage());
                words = what + " not printed: " + e.getMessage() + ".";
            }
            String said = words;
            ctx.ui().execute(() -> then.accept(said));
            checkPrinter();
        });
    }

    /**
     * Asks the printer how it is and writes the answer to the store when it changed (a write is an fsync on the
     * SD card; the answer is asked every few seconds). Off the UI thread.
     */
    public void checkPrinter() {
        PrinterState state = ctx.printer().state();
        Instant now = ctx.clock().instant();
        try {
            boolean same = DeviceState.read(ctx.store(), DeviceState.PRINTER)
                    .map(p -> p.state().equals(state.wire()))
                    .orElse(false);
            if (!same) {
                DeviceState.write(ctx.store(), DeviceState.PRINTER, new PrinterStatus(state.wire(), "", now), now);
            }
        } catch (StoreException e) {
            LOG.warn("cannot record the printer's state: {}", e.getMessage());
        }
    }
}
