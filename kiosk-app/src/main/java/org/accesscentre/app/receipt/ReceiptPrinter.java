package org.accesscentre.app.receipt;

/**
 * Puts a receipt somewhere the citizen can take it away: an image file the confirmation screen shows, or
 * (later) the thermal printer. Implementations lay out with {@link ReceiptLayout}, so every output says the
 * same thing in the same order.
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
}
