package org.accesscentre.app.receipt;

import java.util.Objects;

/**
 * One thing on a laid-out receipt, placed in printer dots: {@code x} from the paper's left edge, {@code y}
 * from the top of the receipt. Elements come in reading order and never overlap, so a renderer that streams
 * (a thermal printer feeding line by line) can take them in turn and feed the gap between them.
 */
public sealed interface LayoutElement {
    /** The top edge, in dots from the top of the receipt. */
    int y();

    /** The height in dots. */
    int height();

    enum Align {
        LEFT,
        CENTRE
    }

    /**
     * One line of text that fits the paper, in the receipt font ({@code SansSerif}) at {@code size} dots.
     *
     * @param x the left edge of the text, already centred when {@code align} is {@link Align#CENTRE}
     * @param width the measured width of the text
     * @param baseline where the text sits, in dots from the top of the receipt
     */
    record TextLine(String text, int size, boolean bold, Align align, int x, int y, int width, int height, int baseline)
            implements LayoutElement {
        public TextLine {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(align, "align");
        }
    }

    /**
     * A QR code of {@code payload}, drawn from {@link QrCodes#encode} with each module {@code moduleSize}
     * dots square; {@code modules} is its width in modules, quiet zone included.
     */
    record QrCode(String payload, int x, int y, int moduleSize, int modules) implements LayoutElement {
        public QrCode {
            Objects.requireNonNull(payload, "payload");
        }

        @Override
        public int height() {
            return moduleSize * modules;
        }

        public int width() {
            return moduleSize * modules;
        }
    }

    /** A solid horizontal line, {@code height} dots thick. */
    record Rule(int x, int y, int width, int height) implements LayoutElement {}
}
