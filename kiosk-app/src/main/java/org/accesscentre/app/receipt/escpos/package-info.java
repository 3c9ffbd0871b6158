/**
 * ESC/POS thermal printers: the encoder that turns receipts, tickets and reports into printer bytes, and the
 * printer on a serial port that checks its status before printing (ADR 0010).
 */
@NullMarked
package org.accesscentre.app.receipt.escpos;

import org.jspecify.annotations.NullMarked;
