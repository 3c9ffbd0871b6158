package org.accesscentre.app.receipt;

import java.awt.Font;
import java.awt.font.LineMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.accesscentre.app.receipt.LayoutElement.Align;
import org.accesscentre.app.receipt.LayoutElement.QrCode;
import org.accesscentre.app.receipt.LayoutElement.Rule;
import org.accesscentre.app.receipt.LayoutElement.TextLine;
import org.accesscentre.core.reference.ReferenceNumber;

/**
 * A receipt laid out for a paper width in printer dots, as positioned text lines, a QR code and rules. Both
 * the image renderer and a thermal printer draw from this, so the receipt on screen and on paper match line
 * for line. Text is measured with the font the renderer draws with and wrapped at word boundaries (inside a
 * word only when one word is wider than the paper), so no line ever runs off the edge.
 */
public final class ReceiptLayout {
    /** 80 mm paper: 72 mm printable at 203 dpi. */
    public static final int PAPER_80MM = 576;

    /** 58 mm paper: 48 mm printable at 203 dpi. */
    public static final int PAPER_58MM = 384;

    public static final int MIN_WIDTH = PAPER_58MM;
    public static final int MAX_WIDTH = 2048;

    // Sizes in dots at 203 dpi (8 dots a millimetre). Body text is 26 dots, about 9 pt: the smallest that
    // older eyes read comfortably on a receipt. Body sizes do not shrink on 58 mm paper; lines get shorter.
    // Title and service name are capped below the reference, which is always the largest text.
    static final int TITLE = 32;
    static final int HEADING = 26;
    static final int SERVICE = 30;
    static final int BODY = 26;
    static final int SMALL = 24;
    // The reference is the one thing read aloud over the phone: as large as fits, 7 mm at most.
    static final int REFERENCE_MAX = 56;
    static final int REFERENCE_MIN = 28;
    // A queue number is read from across the waiting room: 20 mm tall where the paper allows.
    static final int TICKET_MAX = 160;
    // 8-dot (1 mm) modules read from arm's length with a cheap phone; below 3 dots (0.4 mm) thermal
    // printing smears them. The code takes about half the width, so the reference above it stays the focus.
    static final int QR_MODULE_MAX = 8;
    static final int QR_MODULE_MIN = 3;
    static final int TOP = 24;
    static final int BOTTOM = 48;
    static final int GAP = 20;
    static final int RULE = 2;
    static final int NOTE_RULE = 4;

    private final int width;
    private final int height;
    private final List<LayoutElement> elements;

    private ReceiptLayout(int width, int height, List<LayoutElement> elements) {
        this.width = width;
        this.height = height;
        this.elements = List.copyOf(elements);
    }

    /** Lays out for 80 mm paper. */
    public static ReceiptLayout of(ReceiptContent receipt) {
        return of(receipt, PAPER_80MM);
    }

    /**
     * Lays out for paper {@code paperWidth} dots wide, such as {@link #PAPER_80MM} or {@link #PAPER_58MM}.
     *
     * @throws IllegalArgumentException if the width is outside {@link #MIN_WIDTH} to {@link #MAX_WIDTH}
     */
    public static ReceiptLayout of(ReceiptContent receipt, int paperWidth) {
        checkWidth(paperWidth);
        Sheet s = new Sheet(paperWidth, receipt.locale());
        Fitted reference = fitReference(receipt.reference(), s.contentWidth());
        List<String> heading = receipt.heading();
        for (int i = 0; i < heading.size(); i++) {
            s.paragraph(heading.get(i), i == 0 ? Math.min(TITLE, reference.size() - 2) : HEADING, i == 0, Align.CENTRE);
        }
        if (s.y > TOP) {
            s.gap(GAP / 2);
            s.rule(RULE);
            s.gap(GAP);
        }
        s.paragraph(receipt.serviceTitle(), Math.min(SERVICE, reference.size() - 2), true, Align.CENTRE);
        s.paragraph(receipt.centreAndKiosk(), SMALL, false, Align.CENTRE);
        s.paragraph(receipt.dateTime(), SMALL, false, Align.CENTRE);
        s.gap(GAP);

        s.paragraph(receipt.labels().reference(), BODY, false, Align.CENTRE);
        s.paragraph(reference.text(), reference.size(), true, Align.CENTRE);
        s.qr(receipt.qrPayload());

        String note = receipt.offlineNote();
        if (note != null && !note.isBlank()) {
            s.rule(NOTE_RULE);
            s.gap(GAP / 2);
            s.paragraph(note, BODY, true, Align.LEFT);
            s.gap(GAP / 2);
            s.rule(NOTE_RULE);
            s.gap(GAP);
        } else {
            s.rule(RULE);
            s.gap(GAP);
        }

        String fee = receipt.fee();
        if (fee != null && !fee.isBlank()) {
            s.paragraph(fee, BODY, true, Align.LEFT);
            s.gap(GAP);
        }
        if (!receipt.whatHappensNext().isBlank()) {
            s.paragraph(receipt.labels().whatHappensNext(), BODY, true, Align.LEFT);
            s.paragraph(receipt.whatHappensNext(), BODY, false, Align.LEFT);
            s.gap(GAP);
        }
        List<String> bring =
                receipt.whatToBring().stream().filter(item -> !item.isBlank()).toList();
        if (!bring.isEmpty()) {
            s.paragraph(receipt.labels().whatToBring(), BODY, true, Align.LEFT);
            bring.forEach(item -> s.bullet(item, BODY));
            s.gap(GAP);
        }
        s.rule(RULE);
        s.gap(GAP);
        s.paragraph(receipt.footer(), SMALL, false, Align.CENTRE);
        return new ReceiptLayout(paperWidth, s.y + BOTTOM, s.elements);
    }

    /**
     * A queue ticket: the number as large as fits one line (it is read across the room), then where and when,
     * then the note. Same margins, fonts and rules as a receipt.
     */
    public static ReceiptLayout of(TicketContent ticket, int paperWidth) {
        checkWidth(paperWidth);
        Sheet s = new Sheet(paperWidth, ticket.locale());
        heading(s, ticket.heading());
        int size = TICKET_MAX;
        while (size > REFERENCE_MIN
                && ReceiptFonts.width(ReceiptFonts.font(size, true), ticket.ticket()) > s.contentWidth()) {
            size -= 4;
        }
        s.paragraph(ticket.ticket(), size, true, Align.CENTRE);
        s.gap(GAP);
        s.paragraph(ticket.centre(), BODY, false, Align.CENTRE);
        s.paragraph(ticket.dateTime(), SMALL, false, Align.CENTRE);
        if (!ticket.note().isBlank()) {
            s.gap(GAP);
            s.rule(RULE);
            s.gap(GAP);
            s.paragraph(ticket.note(), BODY, true, Align.CENTRE);
        }
        return new ReceiptLayout(paperWidth, s.y + BOTTOM, s.elements);
    }

    /** An attendant's report: title, subtitle, then each row with its value flush right, then the footer. */
    public static ReceiptLayout of(ReportContent report, int paperWidth) {
        checkWidth(paperWidth);
        Sheet s = new Sheet(paperWidth, Locale.ROOT);
        heading(s, report.heading());
        s.paragraph(report.title(), SERVICE, true, Align.CENTRE);
        s.paragraph(report.subtitle(), SMALL, false, Align.CENTRE);
        s.gap(GAP);
        s.rule(RULE);
        s.gap(GAP);
        for (ReportContent.Row row : report.rows()) {
            if (row.isRule()) {
                s.gap(GAP / 2);
                s.rule(RULE);
                s.gap(GAP / 2);
            } else {
                s.pair(row.label(), row.value(), BODY, row.bold());
            }
        }
        List<String> footer =
                report.footer().stream().filter(line -> !line.isBlank()).toList();
        if (!footer.isEmpty()) {
            s.gap(GAP);
            s.rule(RULE);
            s.gap(GAP);
            footer.forEach(line -> s.paragraph(line, SMALL, false, Align.LEFT));
        }
        return new ReceiptLayout(paperWidth, s.y + BOTTOM, s.elements);
    }

    private static void checkWidth(int paperWidth) {
        if (paperWidth < MIN_WIDTH || paperWidth > MAX_WIDTH) {
            throw new IllegalArgumentException(
                    "paper width is " + paperWidth + " dots; a receipt needs " + MIN_WIDTH + " to " + MAX_WIDTH);
        }
    }

    /** Heading lines centred, the first in bold, then a rule; nothing at all when there is no heading. */
    private static void heading(Sheet s, List<String> heading) {
        for (int i = 0; i < heading.size(); i++) {
            s.paragraph(heading.get(i), i == 0 ? TITLE : HEADING, i == 0, Align.CENTRE);
        }
        if (s.y > TOP) {
            s.gap(GAP / 2);
            s.rule(RULE);
            s.gap(GAP);
        }
    }

    /**
     * The largest size at which the spaced reference fits one line; else the compact form; else the compact
     * form at the smallest size, broken over lines (only on paper narrower than any receipt printer's).
     */
    private static Fitted fitReference(ReferenceNumber reference, int contentWidth) {
        for (String form : List.of(spaced(reference), reference.toString())) {
            for (int size = REFERENCE_MAX; size >= REFERENCE_MIN; size -= 2) {
                if (ReceiptFonts.width(ReceiptFonts.font(size, true), form) <= contentWidth) {
                    return new Fitted(form, size);
                }
            }
        }
        return new Fitted(reference.toString(), REFERENCE_MIN);
    }

    private record Fitted(String text, int size) {}

    /** The reference as it is read aloud, group by group: {@code SOU - 03 - 000127 - K}. */
    public static String spaced(ReferenceNumber reference) {
        return reference.toString().replace("-", " - ");
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** In reading order, top to bottom. */
    public List<LayoutElement> elements() {
        return elements;
    }

    /** 2 mm on 80 mm paper: small, since the printer's own margin is outside the printable width already. */
    static int margin(int paperWidth) {
        return paperWidth / 36;
    }

    /** Places elements down the paper; {@code y} is where the next one goes. */
    private static final class Sheet {
        final int width;
        final int margin;
        final Locale locale;
        final List<LayoutElement> elements = new ArrayList<>();
        int y = TOP;

        Sheet(int width, Locale locale) {
            this.width = width;
            this.margin = margin(width);
            this.locale = locale;
        }

        int contentWidth() {
            return width - 2 * margin;
        }

        void gap(int dots) {
            y += dots;
        }

        void rule(int thickness) {
            elements.add(new Rule(margin, y, contentWidth(), thickness));
            y += thickness;
        }

        /** Wraps {@code text} to the paper; a line break in it starts a new line, a blank line a small gap. */
        void paragraph(String text, int size, boolean bold, Align align) {
            Font font = ReceiptFonts.font(size, bold);
            for (String hard : text.strip().split("\\R")) {
                List<String> lines = TextWrap.wrap(hard, font, contentWidth(), locale);
                if (lines.isEmpty() && !text.isBlank()) {
                    gap(size / 2);
                }
                for (String line : lines) {
                    line(line, font, align, margin);
                }
            }
        }

        /** A list item with a hanging indent: continuation lines start under the text, not the bullet. */
        void bullet(String item, int size) {
            Font font = ReceiptFonts.font(size, false);
            String mark = (font.canDisplay('\u2022') ? "\u2022" : "-") + "  ";
            int indent = (int) Math.ceil(ReceiptFonts.width(font, mark));
            List<String> lines = TextWrap.wrap(item, font, contentWidth() - indent, locale);
            for (int i = 0; i < lines.size(); i++) {
                if (i == 0) {
                    line(mark + lines.get(i), font, Align.LEFT, margin);
                } else {
                    line(lines.get(i), font, Align.LEFT, margin + indent);
                }
            }
        }

        void qr(String payload) {
            int modules = QrCodes.size(payload);
            int module = Math.clamp(contentWidth() / 2 / modules, QR_MODULE_MIN, QR_MODULE_MAX);
            if (module * modules > contentWidth()) {
                module = Math.max(1, contentWidth() / modules);
            }
            int size = module * modules;
            elements.add(new QrCode(payload, margin + (contentWidth() - size) / 2, y, module, modules));
            y += size;
        }

        void line(String text, Font font, Align align, int left) {
            TextLine line = textAt(text, font, align, left, y);
            elements.add(line);
            y += line.height();
        }

        /**
         * {@code label} from the left margin and {@code value} flush right on its first line; the label wraps
         * in the width the value leaves, one em from it.
         */
        void pair(String label, String value, int size, boolean bold) {
            Font font = ReceiptFonts.font(size, bold);
            int valueWidth = (int) Math.ceil(ReceiptFonts.width(font, value.strip()));
            int room = contentWidth() - (value.isBlank() ? 0 : valueWidth + size);
            List<String> lines = TextWrap.wrap(label, font, Math.max(room, contentWidth() / 3), locale);
            if (lines.isEmpty()) {
                lines = List.of("");
            }
            int top = y;
            line(lines.getFirst(), font, Align.LEFT, margin);
            if (!value.isBlank()) {
                elements.add(textAt(value.strip(), font, Align.LEFT, margin + contentWidth() - valueWidth, top));
            }
            lines.subList(1, lines.size()).forEach(more -> line(more, font, Align.LEFT, margin));
        }

        TextLine textAt(String text, Font font, Align align, int left, int top) {
            int size = font.getSize();
            LineMetrics metrics = ReceiptFonts.metrics(font);
            int ascent = (int) Math.ceil(metrics.getAscent());
            int descent = (int) Math.ceil(metrics.getDescent());
            int leading = size / 5;
            int textWidth = (int) Math.ceil(ReceiptFonts.width(font, text));
            int x = align == Align.CENTRE ? margin + Math.max(0, (contentWidth() - textWidth) / 2) : left;
            int height = ascent + descent + leading;
            return new TextLine(
                    text, size, font.isBold(), align, x, top, textWidth, height, top + leading / 2 + ascent);
        }
    }
}
