package org.accesscentre.app.receipt.escpos;

import com.github.anastaciocintra.escpos.EscPos;
import com.github.anastaciocintra.escpos.EscPos.CharacterCodeTable;
import com.github.anastaciocintra.escpos.EscPos.CutMode;
import com.github.anastaciocintra.escpos.EscPosConst.Justification;
import com.github.anastaciocintra.escpos.Style;
import com.github.anastaciocintra.escpos.Style.FontSize;
import com.github.anastaciocintra.escpos.barcode.QRCode;
import com.github.anastaciocintra.escpos.barcode.QRCode.QRErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.accesscentre.app.receipt.QrCodes;
import org.accesscentre.app.receipt.ReceiptContent;
import org.accesscentre.app.receipt.ReceiptLayout;
import org.accesscentre.app.receipt.ReportContent;
import org.accesscentre.app.receipt.TicketContent;

/**
 * Turns receipts, queue tickets and reports into the bytes an ESC/POS thermal printer prints, with
 * escpos-coffee writing the commands into memory. Pure: no I/O, the same content always gives the same
 * bytes, which the golden files in the tests pin down.
 *
 * <p>A receipt says what {@link ReceiptLayout} draws, in the same order, so the paper and the image on the
 * screen match: heading, service, place and time, the reference (double size), its QR code, the offline note
 * between double rules, fee, what happens next, what to bring, footer; then a feed and a partial cut.
 *
 * <p>Text goes out in code page 858 (850 with the euro sign; ESC t 19), which has every French accent,
 * guillemets and the no-break space. Typographic punctuation is first folded to its plain form (curly quotes
 * to straight, dashes to hyphens, the narrow no-break space to a no-break space); any other character outside
 * the code page prints as {@code ?}, and control characters do too, so text can never smuggle in a printer
 * command.
 */
public final class EscPosEncoder {
    /** Font A on 80 mm paper: 576 dots, 12 dots a character. */
    public static final int COLUMNS_80MM = 48;

    /** Font A on 58 mm paper: 384 dots. */
    public static final int COLUMNS_58MM = 32;

    private static final int DOTS_PER_COLUMN = 12;

    // The largest a ticket number is printed: six times Font A is 18 mm tall, read across a waiting room.
    private static final int TICKET_MAX_SCALE = 6;

    private final int columns;

    /** For 80 mm paper, {@value #COLUMNS_80MM} characters a line. */
    public EscPosEncoder() {
        this(COLUMNS_80MM);
    }

    /**
     * @param columns characters a line in Font A: {@value #COLUMNS_80MM} on 80 mm paper, {@value
     *     #COLUMNS_58MM} on 58 mm
     */
    public EscPosEncoder(int columns) {
        if (columns < COLUMNS_58MM || columns > 64) {
            throw new IllegalArgumentException(
                    "a line of " + columns + " characters fits no receipt printer; use " + COLUMNS_58MM + " to 64");
        }
        this.columns = columns;
    }

    public int columns() {
        return columns;
    }

    /**
     * The receipt's bytes.
     *
     * @throws IllegalArgumentException if the QR payload is not plain ASCII (a reference always is): the QR
     *     command would otherwise encode different bytes than the screen's code
     */
    public byte[] receipt(ReceiptContent receipt) {
        String payload = receipt.qrPayload();
        if (!payload.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("the QR payload must be printable ASCII, as a reference is");
        }
        Paper p = new Paper(columns);
        p.heading(receipt.heading());
        p.paragraph(receipt.serviceTitle(), Paper.BOLD_CENTRE);
        p.paragraph(receipt.centreAndKiosk(), Paper.CENTRE);
        p.paragraph(receipt.dateTime(), Paper.CENTRE);
        p.blank();

        p.paragraph(receipt.labels().reference(), Paper.CENTRE);
        String spaced = ReceiptLayout.spaced(receipt.reference());
        p.paragraph(
                spaced.length() * 2 <= columns ? spaced : receipt.reference().toString(), Paper.BIG, 2);
        p.qr(payload, qrModule(payload));

        String note = receipt.offlineNote();
        if (note != null && !note.isBlank()) {
            p.rule('=');
            p.paragraph(note, Paper.BOLD);
            p.rule('=');
        } else {
            p.rule('-');
        }
        p.blank();

        String fee = receipt.fee();
        if (fee != null && !fee.isBlank()) {
            p.paragraph(fee, Paper.BOLD);
            p.blank();
        }
        if (!receipt.whatHappensNext().isBlank()) {
            p.paragraph(receipt.labels().whatHappensNext(), Paper.BOLD);
            p.paragraph(receipt.whatHappensNext(), Paper.PLAIN);
            p.blank();
        }
        List<String> bring =
                receipt.whatToBring().stream().filter(item -> !item.isBlank()).toList();
        if (!bring.isEmpty()) {
            p.paragraph(receipt.labels().whatToBring(), Paper.BOLD);
            bring.forEach(p::bullet);
            p.blank();
        }
        p.rule('-');
        p.paragraph(receipt.footer(), Paper.CENTRE);
        return p.end();
    }

    /** The ticket's bytes: the number as large as fits one line, up to six times Font A. */
    public byte[] ticket(TicketContent ticket) {
        Paper p = new Paper(columns);
        p.heading(ticket.heading());
        String number = ticket.ticket().strip();
        int scale = Math.clamp(columns / Math.max(1, number.length()), 1, TICKET_MAX_SCALE);
        p.blank();
        p.paragraph(number, Paper.scaled(scale), scale);
        p.blank();
        p.paragraph(ticket.centre(), Paper.CENTRE);
        p.paragraph(ticket.dateTime(), Paper.CENTRE);
        if (!ticket.note().isBlank()) {
            p.blank();
            p.rule('-');
            p.paragraph(ticket.note(), Paper.BOLD_CENTRE);
        }
        return p.end();
    }

    /** The report's bytes: each row's value flush right, separators as dashes across the paper. */
    public byte[] report(ReportContent report) {
        Paper p = new Paper(columns);
        p.heading(report.heading());
        p.paragraph(report.title(), Paper.BOLD_CENTRE);
        p.paragraph(report.subtitle(), Paper.CENTRE);
        p.rule('-');
        for (ReportContent.Row row : report.rows()) {
            if (row.isRule()) {
                p.rule('-');
            } else {
                p.pair(row.label(), row.value(), row.bold() ? Paper.BOLD : Paper.PLAIN);
            }
        }
        List<String> footer =
                report.footer().stream().filter(line -> !line.isBlank()).toList();
        if (!footer.isEmpty()) {
            p.rule('-');
            footer.forEach(line -> p.paragraph(line, Paper.PLAIN));
        }
        return p.end();
    }

    /** As {@link ReceiptLayout} sizes the screen's code: about half the paper, 3 to 8 dots a module. */
    private int qrModule(String payload) {
        int modules = QrCodes.size(payload);
        return Math.clamp(columns * DOTS_PER_COLUMN / 2 / modules, 3, 8);
    }

    /** One printout being written: text wrapped to the line, styles, rules, QR code, then feed and cut. */
    private static final class Paper {
        static final Style PLAIN = new Style();
        static final Style BOLD = new Style().setBold(true);
        static final Style CENTRE = new Style().setJustification(Justification.Center);
        // Never the copy constructor Style(Style): in escpos-coffee 4.1.0 it drops the default line spacing
        // and writes ESC 3 0, which prints the following lines on top of each other.
        static final Style BOLD_CENTRE =
                new Style().setJustification(Justification.Center).setBold(true);
        static final Style BIG = scaled(2);

        private final int columns;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final EscPos escpos = new EscPos(bytes);

        Paper(int columns) {
            this.columns = columns;
            run(() -> {
                escpos.initializePrinter();
                escpos.setCharacterCodeTable(CharacterCodeTable.CP858_Euro);
            });
        }

        static Style scaled(int scale) {
            FontSize size = FontSize.values()[scale - 1];
            return new Style()
                    .setJustification(Justification.Center)
                    .setBold(true)
                    .setFontSize(size, size);
        }

        /** Heading lines centred, the first in bold, then a rule; nothing when there is no heading. */
        void heading(List<String> heading) {
            List<String> lines =
                    heading.stream().filter(line -> !line.isBlank()).toList();
            for (int i = 0; i < lines.size(); i++) {
                paragraph(lines.get(i), i == 0 ? BOLD_CENTRE : CENTRE);
            }
            if (!lines.isEmpty()) {
                rule('-');
            }
        }

        void paragraph(String text, Style style) {
            paragraph(text, style, 1);
        }

        /** Each hard line wrapped to the paper; a blank line inside the text is an empty line on paper. */
        void paragraph(String text, Style style, int scale) {
            if (text.isBlank()) {
                return;
            }
            for (String hard : PrintableText.of(text).strip().split("\\R")) {
                List<String> lines = PrintableText.wrap(hard, columns / scale);
                if (lines.isEmpty()) {
                    blank();
                }
                lines.forEach(line -> line(line, style));
            }
        }

        /** A list item: "- " then the text, continuation lines indented under the text. */
        void bullet(String item) {
            List<String> lines = PrintableText.wrap(PrintableText.of(item), columns - 2);
            for (int i = 0; i < lines.size(); i++) {
                line((i == 0 ? "- " : "  ") + lines.get(i), PLAIN);
            }
        }

        /** The label from the left, the value flush right on its first line; the label wraps beside it. */
        void pair(String label, String value, Style style) {
            String v = PrintableText.of(value).strip();
            // Two spaces at least between label and value, so "at EC$ 25.00" and "EC$ 250.00" never run together.
            int room = v.isEmpty() ? columns : Math.max(columns - v.length() - 2, columns / 3);
            List<String> lines = PrintableText.wrap(PrintableText.of(label), room);
            String first = lines.isEmpty() ? "" : lines.getFirst();
            int pad = Math.max(2, columns - first.length() - v.length());
            line(v.isEmpty() ? first : first + " ".repeat(pad) + v, style);
            lines.stream().skip(1).forEach(more -> line(more, style));
        }

        void rule(char c) {
            line(String.valueOf(c).repeat(columns), PLAIN);
        }

        void blank() {
            line("", PLAIN);
        }

        void qr(String payload, int module) {
            QRCode qr = new Model2QrCode()
                    .setSize(module)
                    .setErrorCorrectionLevel(QRErrorCorrectionLevel.QR_ECLEVEL_M_Default)
                    .setJustification(Justification.Center);
            run(() -> escpos.write(qr, payload));
        }

        void line(String text, Style style) {
            run(() -> escpos.writeLF(style, text));
        }

        /** Feeds the last line past the cutter, cuts leaving a hinge (the paper does not drop), done. */
        byte[] end() {
            run(() -> {
                escpos.feed(PLAIN, 4);
                escpos.cut(CutMode.PART);
            });
            return bytes.toByteArray();
        }

        private static void run(Write write) {
            try {
                write.run();
            } catch (IOException e) {
                // A ByteArrayOutputStream never fails, and cp858 ships with every JDK: this is a bug.
                throw new UncheckedIOException("writing ESC/POS into memory failed", e);
            }
        }

        @FunctionalInterface
        private interface Write {
            void run() throws IOException;
        }
    }

    /**
     * escpos-coffee's QR code with one byte mended. ESC/POS selects the model with GS ( k 4 0 49 65 n1 0, where
     * n1 is 49 for model 1 and 50 for model 2; escpos-coffee 4.1.0 numbers its models from 48, so its
     * "model 2" asks for model 1, which phones read badly and which does not match the screen's code. Model 2
     * is what every QR code since 2000 is, and what {@link QrCodes} draws.
     */
    private static final class Model2QrCode extends QRCode {
        private static final byte[] SELECT_MODEL = {0x1d, '(', 'k', 4, 0, 49, 65};
        private static final byte MODEL_2 = 50;

        @Override
        public byte[] getBytes(String data) {
            byte[] bytes = super.getBytes(data);
            for (int i = 0; i + SELECT_MODEL.length < bytes.length; i++) {
                if (Arrays.equals(bytes, i, i + SELECT_MODEL.length, SELECT_MODEL, 0, SELECT_MODEL.length)) {
                    bytes[i + SELECT_MODEL.length] = MODEL_2;
                    return bytes;
                }
            }
            throw new IllegalStateException("escpos-coffee wrote no QR model command; check it after an upgrade");
        }
    }
}
