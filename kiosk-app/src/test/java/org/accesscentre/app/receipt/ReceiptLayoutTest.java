package org.accesscentre.app.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.accesscentre.app.receipt.LayoutElement.Align;
import org.accesscentre.app.receipt.LayoutElement.QrCode;
import org.accesscentre.app.receipt.LayoutElement.TextLine;
import org.accesscentre.core.reference.ReferenceNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReceiptLayoutTest {
    /** Measured here, not with the layout's own helper, so a layout that mis-measures is caught. */
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    @ParameterizedTest
    @ValueSource(ints = {ReceiptLayout.PAPER_80MM, ReceiptLayout.PAPER_58MM})
    void aLongParagraphWrapsIntoFullLinesWithinThePaper(int paper) {
        ReceiptLayout layout = ReceiptLayout.of(SampleReceipts.english(), paper);
        List<TextLine> lines = linesAfter(layout, "What happens next");
        double content = paper - 2 * ReceiptLayout.margin(paper);

        assertTrue(lines.size() >= (paper == ReceiptLayout.PAPER_80MM ? 8 : 12), lines.size() + " lines");
        // Nothing lost or reordered: the lines put back together are the paragraph.
        assertEquals(
                SampleReceipts.LONG_PARAGRAPH,
                String.join(" ", lines.stream().map(TextLine::text).toList()));
        for (int i = 0; i < lines.size(); i++) {
            TextLine line = lines.get(i);
            assertTrue(width(line) <= content, "'" + line.text() + "' is " + width(line) + " dots wide");
            if (i + 1 < lines.size()) {
                // Greedy: the next line's first word would not have fitted on this one.
                String next = lines.get(i + 1).text().split(" ")[0];
                assertTrue(width(line.text() + " " + next, line) > content, "line " + i + " could take " + next);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {ReceiptLayout.PAPER_80MM, ReceiptLayout.PAPER_58MM})
    void noTextRunsIntoTheMargins(int paper) {
        for (ReceiptContent receipt : List.of(SampleReceipts.english(), SampleReceipts.frenchOffline())) {
            ReceiptLayout layout = ReceiptLayout.of(receipt, paper);
            int margin = ReceiptLayout.margin(paper);
            for (TextLine line : textLines(layout)) {
                assertTrue(line.x() >= margin, line.toString());
                assertTrue(line.x() + width(line) <= paper - margin, line + " is " + width(line) + " wide");
            }
        }
    }

    @Test
    void aWordWiderThanThePaperIsBrokenBetweenCharactersNeverInsideOne() {
        // A decomposed é (e + combining acute) and a letter outside the BMP (a surrogate pair) are each one
        // character of two chars: neither may be split over two lines.
        String word = "https://status.example.lc/requests/" + "e\u0301\uD835\uDC00".repeat(40) + "/tracking";
        int paper = ReceiptLayout.PAPER_58MM;
        ReceiptLayout layout = ReceiptLayout.of(withNext(word + " end"), paper);
        List<TextLine> lines = linesAfter(layout, "What happens next");

        assertTrue(lines.size() >= 3, lines.toString());
        assertEquals(
                word + "end",
                String.join("", lines.stream().map(TextLine::text).toList()).replace(" ", ""));
        for (TextLine line : lines) {
            assertFalse(line.text().startsWith("\u0301"), "an accent was split from its letter");
            assertFalse(Character.isLowSurrogate(line.text().charAt(0)), "a character was split: " + line.text());
            assertTrue(width(line) <= paper - 2 * ReceiptLayout.margin(paper), line.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {ReceiptLayout.PAPER_80MM, ReceiptLayout.PAPER_58MM})
    void theReferenceIsTheLargestTextSpacedInGroupsAndCentred(int paper) {
        ReferenceNumber ref = SampleReceipts.REFERENCE;
        String spaced = ReceiptLayout.spaced(ref);
        assertEquals("SOU - 03 - 000127 - " + ref.check(), spaced);

        ReceiptLayout layout = ReceiptLayout.of(SampleReceipts.english(), paper);
        TextLine reference = textLines(layout).stream()
                .filter(l -> l.text().equals(spaced))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line says " + spaced));
        assertTrue(reference.bold());
        for (TextLine other : textLines(layout)) {
            if (other != reference) {
                assertTrue(reference.size() > other.size(), other + " is as large as the reference");
            }
        }
        int left = reference.x();
        int right = paper - (reference.x() + reference.width());
        assertTrue(Math.abs(left - right) <= 1, "left " + left + ", right " + right);
    }

    @Test
    void aLongReferenceStillFitsOnOneLine() {
        ReferenceNumber longest = new ReferenceNumber("VFT", 99, ReferenceNumber.MAX_SEQUENCE);
        ReceiptLayout layout = ReceiptLayout.of(SampleReceipts.english(longest), ReceiptLayout.PAPER_58MM);

        assertTrue(
                textLines(layout).stream()
                        .anyMatch(l -> l.text().replace(" ", "").equals(longest.toString())),
                "no single line holds " + longest);
    }

    @ParameterizedTest
    @ValueSource(ints = {ReceiptLayout.PAPER_80MM, ReceiptLayout.PAPER_58MM})
    void frenchWithAccentsIsLaidOutAndDrawn(int paper) {
        ReceiptLayout layout = ReceiptLayout.of(SampleReceipts.frenchOffline(), paper);
        BufferedImage image = ReceiptRenderer.render(layout);

        List<String> texts = textLines(layout).stream().map(TextLine::text).toList();
        assertTrue(texts.contains("À apporter"), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("Enregistré sur cette")), texts.toString());
        for (TextLine line : textLines(layout)) {
            assertFalse(line.text().isBlank(), "a blank line was laid out");
            assertTrue(inkIn(image, line.x(), line.y(), line.width(), line.height()) > 0, "nothing drawn for " + line);
        }
    }

    @Test
    void aCharacterNoFontHasNeitherCrashesNorVanishes() {
        String title = "Birth certificate \uE000 \uD83D\uDE00 \u0FFF";
        ReceiptContent receipt = SampleReceipts.english();
        ReceiptContent odd = new ReceiptContent(
                receipt.heading(),
                receipt.reference(),
                title,
                receipt.centreAndKiosk(),
                receipt.dateTime(),
                receipt.fee(),
                receipt.whatHappensNext(),
                receipt.whatToBring(),
                receipt.offlineNote(),
                receipt.footer(),
                receipt.qrPayload(),
                receipt.localeTag(),
                receipt.labels());

        ReceiptLayout layout = ReceiptLayout.of(odd, ReceiptLayout.PAPER_58MM);
        ReceiptRenderer.render(layout);
        // The title's lines: bold, from the one that starts it to the plain centre name below.
        List<TextLine> lines = textLines(layout);
        int first = 0;
        while (!lines.get(first).text().startsWith("Birth certificate")) {
            first++;
        }
        List<String> titleLines = new ArrayList<>();
        for (int i = first; lines.get(i).bold(); i++) {
            titleLines.add(lines.get(i).text());
        }
        assertEquals(title, String.join(" ", titleLines));
    }

    @ParameterizedTest
    @ValueSource(ints = {ReceiptLayout.PAPER_80MM, ReceiptLayout.PAPER_58MM})
    void elementsComeTopToBottomWithoutOverlapping(int paper) {
        ReceiptLayout layout = ReceiptLayout.of(SampleReceipts.frenchOffline(), paper);
        int bottom = 0;
        for (LayoutElement element : layout.elements()) {
            assertTrue(element.y() >= bottom, element + " starts above " + bottom);
            assertTrue(element.height() > 0, element.toString());
            bottom = element.y() + element.height();
        }
        assertTrue(bottom < layout.height());
        assertEquals(paper, layout.width());
    }

    @ParameterizedTest
    @ValueSource(ints = {ReceiptLayout.PAPER_80MM, ReceiptLayout.PAPER_58MM})
    void theQrCodeIsCentredInWholeDotsAboutHalfThePaper(int paper) {
        ReceiptLayout layout = ReceiptLayout.of(SampleReceipts.english(), paper);
        List<QrCode> codes = layout.elements().stream()
                .filter(QrCode.class::isInstance)
                .map(QrCode.class::cast)
                .toList();

        assertEquals(1, codes.size());
        QrCode qr = codes.getFirst();
        assertEquals(SampleReceipts.REFERENCE.toString(), qr.payload());
        assertEquals(QrCodes.size(qr.payload()), qr.modules());
        assertTrue(qr.moduleSize() >= 3 && qr.moduleSize() <= 8, "module " + qr.moduleSize());
        assertTrue(qr.width() >= paper / 3 && qr.width() <= paper / 2, "qr " + qr.width() + " on " + paper);
        assertTrue(Math.abs(qr.x() - (paper - qr.x() - qr.width())) <= 1, "not centred: " + qr);
    }

    @Test
    void absentPartsAreLeftOffThePaper() {
        ReceiptContent receipt = SampleReceipts.english();
        List<String> sent = texts(ReceiptLayout.of(receipt));
        assertTrue(sent.contains("What to bring"));
        assertTrue(sent.contains(receipt.fee()));

        ReceiptContent bare = new ReceiptContent(
                List.of(),
                receipt.reference(),
                receipt.serviceTitle(),
                receipt.centreAndKiosk(),
                receipt.dateTime(),
                null,
                " ",
                List.of(),
                null,
                receipt.footer(),
                receipt.qrPayload(),
                receipt.localeTag(),
                receipt.labels());
        List<String> texts = texts(ReceiptLayout.of(bare));
        assertFalse(texts.contains("What to bring"), texts.toString());
        assertFalse(texts.contains("What happens next"), texts.toString());
        assertFalse(texts.contains(receipt.fee()), texts.toString());
        assertEquals(receipt.serviceTitle(), texts.getFirst());
    }

    @Test
    void bringItemsHangUnderTheirTextNotTheBullet() {
        ReceiptLayout layout = ReceiptLayout.of(SampleReceipts.frenchOffline(), ReceiptLayout.PAPER_58MM);
        List<TextLine> lines = linesAfter(layout, "À apporter");

        assertTrue(lines.get(0).text().startsWith("\u2022"), lines.get(0).text());
        TextLine passport = lines.get(2);
        assertFalse(passport.text().startsWith("\u2022"), "the passport item should wrap at 58 mm");
        assertTrue(passport.x() > lines.get(1).x(), "continuation is indented");
    }

    @Test
    void paperOutsideTheRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ReceiptLayout.of(SampleReceipts.english(), 200));
        assertThrows(IllegalArgumentException.class, () -> ReceiptLayout.of(SampleReceipts.english(), 4096));
    }

    static List<TextLine> textLines(ReceiptLayout layout) {
        return layout.elements().stream()
                .filter(TextLine.class::isInstance)
                .map(TextLine.class::cast)
                .toList();
    }

    private static List<String> texts(ReceiptLayout layout) {
        return textLines(layout).stream().map(TextLine::text).toList();
    }

    /** The plain lines after the bold label {@code label}, up to the next bold line. */
    private static List<TextLine> linesAfter(ReceiptLayout layout, String label) {
        List<TextLine> all = textLines(layout);
        int start = all.stream().map(TextLine::text).toList().indexOf(label);
        assertTrue(start >= 0 && all.get(start).bold(), "no label " + label);
        List<TextLine> lines = new ArrayList<>();
        for (TextLine line : all.subList(start + 1, all.size())) {
            if (line.bold() || line.align() != Align.LEFT) {
                break;
            }
            lines.add(line);
        }
        return lines;
    }

    private static ReceiptContent withNext(String whatHappensNext) {
        ReceiptContent r = SampleReceipts.english();
        return new ReceiptContent(
                r.heading(),
                r.reference(),
                r.serviceTitle(),
                r.centreAndKiosk(),
                r.dateTime(),
                r.fee(),
                whatHappensNext,
                r.whatToBring(),
                r.offlineNote(),
                r.footer(),
                r.qrPayload(),
                r.localeTag(),
                r.labels());
    }

    private static double width(TextLine line) {
        return width(line.text(), line);
    }

    private static double width(String text, TextLine style) {
        Font font = new Font(Font.SANS_SERIF, style.bold() ? Font.BOLD : Font.PLAIN, style.size());
        return font.getStringBounds(text, FRC).getWidth();
    }

    static int inkIn(BufferedImage image, int x, int y, int w, int h) {
        int ink = 0;
        for (int row = y; row < Math.min(y + h, image.getHeight()); row++) {
            for (int col = x; col < Math.min(x + w, image.getWidth()); col++) {
                ink += (image.getRGB(col, row) & 0xFF) < 128 ? 1 : 0;
            }
        }
        return ink;
    }
}
