package org.accesscentre.app.receipt.escpos;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import org.accesscentre.app.receipt.PrintResult;
import org.accesscentre.app.receipt.PrintResult.Problem;
import org.accesscentre.app.receipt.PrinterState;
import org.accesscentre.app.receipt.ReceiptContent;
import org.accesscentre.app.receipt.ReceiptException;
import org.accesscentre.app.receipt.ReceiptPrinter;
import org.accesscentre.app.receipt.ReportContent;
import org.accesscentre.app.receipt.TicketContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ESC/POS thermal printer on a serial link. Before each print it asks the printer how it is with the
 * real-time status commands (DLE EOT n, which a printer answers at once, even when offline or out of paper)
 * and prints only when it can: a receipt that would not come out is reported to the citizen and the attendant
 * instead of being lost in the printer's buffer.
 */
public final class SerialEscPosPrinter implements ReceiptPrinter {
    /** A printer answers a status query within milliseconds; half a second means it is not there. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(500);

    private static final Logger LOG = LoggerFactory.getLogger(SerialEscPosPrinter.class);

    private static final int DLE = 0x10;
    private static final int EOT = 0x04;

    /** DLE EOT 1: printer status; DLE EOT 2: why it is offline; DLE EOT 4: the paper roll sensor. */
    static final int PRINTER = 1;

    static final int OFFLINE_CAUSE = 2;
    static final int PAPER_SENSOR = 4;

    // Bits of the answers, as every ESC/POS printer since the TM-T88 documents them.
    private static final int OFFLINE = 0x08;
    private static final int COVER_OPEN = 0x04;
    private static final int STOPPED_FOR_PAPER = 0x20;
    private static final int ERROR = 0x40;
    private static final int PAPER_NEAR_END = 0x0C;
    private static final int PAPER_END = 0x60;

    private final SerialLink link;
    private final EscPosEncoder encoder;
    private final Duration timeout;

    public SerialEscPosPrinter(SerialLink link, EscPosEncoder encoder) {
        this(link, encoder, DEFAULT_TIMEOUT);
    }

    /** @param timeout how long to wait for each status answer before taking the printer as offline */
    public SerialEscPosPrinter(SerialLink link, EscPosEncoder encoder, Duration timeout) {
        this.link = Objects.requireNonNull(link, "link");
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public PrintResult print(ReceiptContent receipt) throws ReceiptException {
        return send(encoder.receipt(receipt), "receipt " + receipt.reference());
    }

    @Override
    public PrintResult printTicket(TicketContent ticket) throws ReceiptException {
        return send(encoder.ticket(ticket), "ticket " + ticket.ticket());
    }

    @Override
    public PrintResult printReport(ReportContent report) throws ReceiptException {
        return send(encoder.report(report), "report " + report.title());
    }

    /** Asks the printer; a link that fails or stays silent is {@link PrinterState#OFFLINE}. */
    @Override
    public synchronized PrinterState state() {
        try {
            return query();
        } catch (IOException e) {
            LOG.warn("Could not ask the printer on {} how it is: {}", link.name(), e.toString());
            return PrinterState.OFFLINE;
        }
    }

    private synchronized PrintResult send(byte[] bytes, String what) throws ReceiptException {
        PrinterState state;
        try {
            state = query();
        } catch (IOException e) {
            throw new ReceiptException("Could not reach the printer on " + link.name() + ": " + e.getMessage(), e);
        }
        String port = link.name();
        switch (state) {
            case OK, PAPER_LOW -> {} // print below
            case PAPER_OUT -> {
                return new PrintResult.NotPrinted(Problem.PAPER_OUT, port);
            }
            case COVER_OPEN -> {
                return new PrintResult.NotPrinted(Problem.COVER_OPEN, port);
            }
            case OFFLINE, NONE -> {
                return new PrintResult.NotPrinted(Problem.PRINTER_OFFLINE, port);
            }
            case ERROR ->
                throw new ReceiptException("The printer on " + port + " reports an error (a paper jam or"
                        + " a cutter fault): switch it off and on, then print the " + what + " again");
        }
        try {
            link.write(bytes);
        } catch (IOException e) {
            throw new ReceiptException(
                    "The " + what + " did not all reach the printer on " + port + ": " + e.getMessage(), e);
        }
        return new PrintResult.Printed(port);
    }

    /** The decision table: the first line that matches says what the attendant has to do. */
    private PrinterState query() throws IOException {
        int printer = ask(PRINTER);
        if (printer < 0) return PrinterState.OFFLINE; // no answer: switched off or unplugged
        if (!valid(printer)) return PrinterState.ERROR; // something answers, but not an ESC/POS printer
        int paper = ask(PAPER_SENSOR);
        if (paper < 0) return PrinterState.OFFLINE; // stopped answering mid-way
        if (valid(paper) && (paper & PAPER_END) != 0) return PrinterState.PAPER_OUT; // roll is empty
        if ((printer & OFFLINE) == 0) {
            // Online and has paper: a print comes out; the near-end sensor says the roll is nearly done.
            return valid(paper) && (paper & PAPER_NEAR_END) != 0 ? PrinterState.PAPER_LOW : PrinterState.OK;
        }
        int cause = ask(OFFLINE_CAUSE);
        if (cause < 0 || !valid(cause)) return PrinterState.OFFLINE; // offline, and will not say why
        if ((cause & COVER_OPEN) != 0) return PrinterState.COVER_OPEN; // the attendant closes the lid
        if ((cause & STOPPED_FOR_PAPER) != 0) return PrinterState.PAPER_OUT; // the paper sensor stopped it
        if ((cause & ERROR) != 0) return PrinterState.ERROR; // jam or cutter: needs a power cycle
        return PrinterState.OFFLINE; // offline for a reason it does not report, such as feeding
    }

    /** Sends DLE EOT n and returns the one-byte answer, or -1 when none came within the timeout. */
    private int ask(int n) throws IOException {
        byte[] stale = new byte[64];
        while (link.read(stale, Duration.ZERO) > 0) {
            // Drop anything left over (a late answer to an earlier query), so this answer is this query's.
        }
        link.write(new byte[] {DLE, EOT, (byte) n});
        byte[] answer = new byte[1];
        return link.read(answer, timeout) == 1 ? answer[0] & 0xff : -1;
    }

    /** Every status byte has bits 1 and 4 set and bits 0 and 7 clear: a fixed pattern that tells noise apart. */
    private static boolean valid(int status) {
        return (status & 0x93) == 0x12;
    }

    /** The DLE EOT query for {@code n}, as written to the link: for fakes and tests. */
    public static byte[] statusQuery(int n) {
        return new byte[] {DLE, EOT, (byte) n};
    }
}
