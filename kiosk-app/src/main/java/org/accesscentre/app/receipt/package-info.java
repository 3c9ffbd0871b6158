/**
 * Receipts: what a receipt says, the QR code of its reference, and the printers that put it on paper or in
 * a file. Plain Java and Java2D, no JavaFX, so the attendant's ESC/POS printer can share it.
 */
@NullMarked
package org.accesscentre.app.receipt;

import org.jspecify.annotations.NullMarked;
