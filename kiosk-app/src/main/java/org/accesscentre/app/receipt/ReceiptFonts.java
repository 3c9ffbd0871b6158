package org.accesscentre.app.receipt;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;

/**
 * The one font a receipt uses, and the one way it is measured. Layout and renderers must agree to the dot,
 * or a line measured to fit would spill over the edge when drawn.
 */
final class ReceiptFonts {
    /**
     * Anti-aliased with fractional metrics, identity transform: what {@link ReceiptRenderer} sets on its
     * {@code Graphics2D}, so measured and drawn advances are the same.
     */
    static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private ReceiptFonts() {}

    /**
     * The logical font {@code SansSerif}: Java maps it to an installed font (DejaVu Sans on the kiosk image)
     * and falls back to a box for a character no font has, never to an exception.
     */
    static Font font(int size, boolean bold) {
        return new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, size);
    }

    static double width(Font font, String text) {
        return font.getStringBounds(text, FRC).getWidth();
    }

    static LineMetrics metrics(Font font) {
        return font.getLineMetrics("ÀÉgjy", FRC);
    }
}
