package org.accesscentre.app.receipt.escpos;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.accesscentre.app.receipt.ReceiptContent;
import org.accesscentre.app.receipt.ReportContent;
import org.accesscentre.app.receipt.SampleReceipts;
import org.junit.jupiter.api.Test;

class EscPosEncoderTest {
    private static final byte ESC = 0x1b;
    private static final byte GS = 0x1d;

    private final EscPosEncoder encoder = new EscPosEncoder();

    @Test
    void anEnglishReceiptOn80mmPaperIsExactlyTheReviewedBytes() throws Exception {
        Golden.assertMatches(
                "receipt-en-80mm.hex",
                "SampleReceipts.english(), 48 columns",
                encoder.receipt(SampleReceipts.english()));
    }

    @Test
    void aFrenchOfflineReceiptOn58mmPaperIsExactlyTheReviewedBytes() throws Exception {
        Golden.assertMatches(
                "receipt-fr-offline-58mm.hex",
                "SampleReceipts.frenchOffline(), 32 columns",
                new EscPosEncoder(EscPosEncoder.COLUMNS_58MM).receipt(SampleReceipts.frenchOffline()));
    }

    @Test
    void aTicketIsExactlyTheReviewedBytes() throws Exception {
        Golden.assertMatches(
                "ticket.hex", "SampleReceipts.ticket(), 48 columns", encoder.ticket(SampleReceipts.ticket()));
    }

    @Test
    void aReportIsExactlyTheReviewedBytes() throws Exception {
        Golden.assertMatches(
                "report.hex", "SampleReceipts.report(), 48 columns", encoder.report(SampleReceipts.report()));
    }

    @Test
    void theReceiptStoresAndPrintsItsQrCodeWithTheNativeCommand() {
        ReceiptContent receipt = SampleReceipts.english();
        byte[] bytes = encoder.receipt(receipt);
        byte[] payload = receipt.qrPayload().getBytes(StandardCharsets.US_ASCII);

        // GS ( k pL pH 49 80 48 data: function 180, store the data in the symbol storage area.
        ByteArrayOutputStream store = new ByteArrayOutputStream();
        int length = payload.length + 3;
        store.writeBytes(new byte[] {GS, '(', 'k', (byte) (length & 0xff), (byte) (length >> 8), 49, 80, 48});
        store.writeBytes(payload);
        // GS ( k 3 0 49 81 48: function 181, print the symbol stored.
        byte[] print = {GS, '(', 'k', 3, 0, 49, 81, 48};

        int stored = indexOf(bytes, store.toByteArray());
        assertTrue(stored >= 0, "no store command with the payload " + receipt.qrPayload());
        assertTrue(indexOf(bytes, print) > stored, "no print command after the store");
        // Model 2 (function 165), error correction M (function 169, 49), as the screen's code.
        assertTrue(indexOf(bytes, new byte[] {GS, '(', 'k', 4, 0, 49, 65, 50, 0}) >= 0, "model 2");
        assertTrue(indexOf(bytes, new byte[] {GS, '(', 'k', 3, 0, 49, 69, 49}) >= 0, "error correction M");
    }

    @Test
    void everyPrintoutStartsWithResetAndCodePage858AndEndsWithAFeedAndPartialCut() {
        for (byte[] bytes : List.of(
                encoder.receipt(SampleReceipts.english()),
                encoder.ticket(SampleReceipts.ticket()),
                encoder.report(SampleReceipts.report()))) {
            assertArrayEquals(new byte[] {ESC, '@', ESC, 't', 19}, Arrays.copyOf(bytes, 5));
            assertArrayEquals(
                    new byte[] {'\n', '\n', '\n', '\n', GS, 'V', '1'},
                    Arrays.copyOfRange(bytes, bytes.length - 7, bytes.length));
        }
    }

    @Test
    void noPrintoutChangesTheLineSpacingSoLinesNeverOverlap() {
        for (byte[] bytes : List.of(
                encoder.receipt(SampleReceipts.english()),
                encoder.receipt(SampleReceipts.frenchOffline()),
                encoder.ticket(SampleReceipts.ticket()),
                encoder.report(SampleReceipts.report()))) {
            assertEquals(-1, indexOf(bytes, new byte[] {ESC, '3'}), "ESC 3 n sets the line spacing to n dots");
        }
    }

    @Test
    void theReceiptSaysWhatTheImageSaysInTheSameOrder() {
        ReceiptContent receipt = SampleReceipts.english();
        String text = new String(encoder.receipt(receipt), Charset.forName("cp858"));
        int at = -1;
        for (String part : List.of(
                "Government of Saint Lucia",
                "Birth certificate (copy)",
                "Soufrière Access Centre, kiosk 3",
                "Your reference number",
                "SOU - 03 - 000127",
                "Fee: EC$ 25.00",
                "What happens next",
                "What to bring",
                "- Your identity card or passport",
                "Keep this receipt.")) {
            int next = text.indexOf(part, at + 1);
            assertTrue(next > at, part + " missing or out of order");
            at = next;
        }
    }

    @Test
    void frenchAccentsAndPunctuationFitCodePage858AndTheRestIsAQuestionMark() {
        assertEquals("l'été\u00a0! «\u00a0Prêt\u00a0» - ...", PrintableText.of("l’été\u202f! «\u00a0Prêt\u00a0» – …"));
        assertEquals("e\u0301".length() - 1, PrintableText.of("e\u0301").length(), "a combining accent is composed");
        assertEquals("a?b?c", PrintableText.of("a\u001bb\u0007c"), "control characters never reach the printer");

        byte[] bytes = encoder.report(new ReportContent(
                List.of(), "Ωmega é€", "", List.of(new ReportContent.Row("x\u001b@", "1", false)), List.of()));
        String text = new String(bytes, Charset.forName("cp858"));
        assertTrue(text.contains("?mega é€"), text);
        assertTrue(text.contains("x?@"), "the ESC inside the label became ?");
    }

    @Test
    void wrappedLinesNeverPassTheColumnsAndKeepNoBreakSpacesTogether() {
        for (int columns : List.of(EscPosEncoder.COLUMNS_58MM, EscPosEncoder.COLUMNS_80MM)) {
            List<String> lines = PrintableText.wrap(
                    SampleReceipts.LONG_PARAGRAPH + " Supercalifragilisticexpialidocious-and-then-some-more-letters",
                    columns);
            lines.forEach(line -> assertTrue(line.length() <= columns, line));
            assertEquals(
                    String.join(" ", SampleReceipts.LONG_PARAGRAPH.split("\\s+")),
                    String.join(" ", lines)
                            .substring(
                                    0,
                                    String.join(" ", SampleReceipts.LONG_PARAGRAPH.split("\\s+"))
                                            .length()));
        }
        assertEquals(List.of("aaa", "b\u00a0c"), PrintableText.wrap("aaa b\u00a0c", 4));
    }

    @Test
    void aReportRowPutsItsValueFlushRight() {
        String text = new String(encoder.report(SampleReceipts.report()), Charset.forName("cp858"));
        String line =
                "Cash expected" + " ".repeat(48 - "Cash expected".length() - "EC$ 600.00".length()) + "EC$ 600.00";
        assertTrue(text.contains(line + "\n"), text);
        assertTrue(text.contains("-".repeat(48) + "\n"));
    }

    @Test
    void aQrPayloadOutsideAsciiAndImpossibleWidthsAreRefused() {
        ReceiptContent english = SampleReceipts.english();
        ReceiptContent accented = new ReceiptContent(
                english.heading(),
                english.reference(),
                english.serviceTitle(),
                english.centreAndKiosk(),
                english.dateTime(),
                english.fee(),
                english.whatHappensNext(),
                english.whatToBring(),
                english.offlineNote(),
                english.footer(),
                "référence",
                english.localeTag(),
                english.labels());

        assertThrows(IllegalArgumentException.class, () -> encoder.receipt(accented));
        assertThrows(IllegalArgumentException.class, () -> new EscPosEncoder(20));
        assertThrows(IllegalArgumentException.class, () -> new EscPosEncoder(100));
    }

    @Test
    void theSameContentAlwaysGivesTheSameBytes() {
        assertArrayEquals(
                encoder.receipt(SampleReceipts.frenchOffline()), encoder.receipt(SampleReceipts.frenchOffline()));
        assertFalse(Arrays.equals(
                encoder.receipt(SampleReceipts.english()),
                new EscPosEncoder(EscPosEncoder.COLUMNS_58MM).receipt(SampleReceipts.english())));
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
