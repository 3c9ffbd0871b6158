package org.accesscentre.app.receipt;

/**
 * Puts a receipt, a queue ticket or an attendant's report somewhere a person can take it away: an image file
 * the screen shows, or the thermal printer. Every output says the same things in the same order: the image
 * printer lays out with {@link ReceiptLayout}, and the ESC/POS encoder follows the same order line by line.
 */
public interface ReceiptPrinter {
    /**
     * Prints one receipt. Blocks while the file is written or the paper comes out, so call it off the UI
     * thread.
     *
     * @return what happened, including a printer that reported it could not print (out of paper)
     * @throws ReceiptException when the attempt failed part way or the output could not be reached
     */
    PrintResult print(ReceiptContent receipt) throws ReceiptException;

    /** Prints a walk-in queue ticket; blocks like {@link #print}. */
    PrintResult printTicket(TicketContent ticket) throws ReceiptException;

    /** Prints an attendant's report, such as the end-of-day cash reconciliation; blocks like {@link #print}. */
    PrintResult printReport(ReportContent report) throws ReceiptException;

    /**
     * Asks the printer how it is, without printing: for the attendant's screen and the heartbeat. Blocks for at
     * most the printer's answer timeout, so call it off the UI thread.
     */
    PrinterState state();
}
