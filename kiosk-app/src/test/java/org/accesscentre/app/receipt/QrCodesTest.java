package org.accesscentre.app.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.common.BitMatrix;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class QrCodesTest {
    private static final String REFERENCE = SampleReceipts.REFERENCE.toString();

    @Test
    void referenceRoundTripsAtLevelM() throws Exception {
        Result result = QrDecoding.decode(image(QrCodes.encode(REFERENCE), 4));

        assertEquals(REFERENCE, result.getText());
        assertEquals("M", result.getResultMetadata().get(ResultMetadataType.ERROR_CORRECTION_LEVEL));
    }

    @Test
    void quietZoneIsFourModulesOneCellEach() {
        BitMatrix matrix = QrCodes.encode(REFERENCE);
        int size = matrix.getWidth();

        assertEquals(size, matrix.getHeight());
        // A QR symbol is 17 + 4 × version modules across; the rest is the quiet zone on both sides.
        assertEquals(0, (size - 2 * QrCodes.QUIET_ZONE - 17) % 4, "size " + size);
        for (int i = 0; i < size; i++) {
            for (int q = 0; q < QrCodes.QUIET_ZONE; q++) {
                assertFalse(matrix.get(i, q) || matrix.get(q, i), "quiet zone dark at " + i + "," + q);
                assertFalse(matrix.get(i, size - 1 - q) || matrix.get(size - 1 - q, i), "quiet zone dark at far side");
            }
        }
        // The finder pattern's corner starts right after the quiet zone, at every corner but the bottom right.
        int last = size - 1 - QrCodes.QUIET_ZONE;
        assertTrue(matrix.get(QrCodes.QUIET_ZONE, QrCodes.QUIET_ZONE));
        assertTrue(matrix.get(last, QrCodes.QUIET_ZONE));
        assertTrue(matrix.get(QrCodes.QUIET_ZONE, last));
    }

    @Test
    void modulesAreTheMatrixRowByRow() {
        BitMatrix matrix = QrCodes.encode(REFERENCE);
        boolean[][] modules = QrCodes.modules(REFERENCE);

        assertEquals(matrix.getHeight(), modules.length);
        assertEquals(QrCodes.size(REFERENCE), modules.length);
        int dark = 0;
        for (int y = 0; y < modules.length; y++) {
            assertEquals(matrix.getWidth(), modules[y].length);
            for (int x = 0; x < modules[y].length; x++) {
                assertEquals(matrix.get(x, y), modules[y][x], "module " + x + "," + y);
                dark += modules[y][x] ? 1 : 0;
            }
        }
        assertTrue(dark > 0);
    }

    @Test
    void twoHundredCharactersFitAndOneMoreIsRefused() throws Exception {
        String longest = "https://status.example.lc/r/" + "x".repeat(QrCodes.MAX_TEXT - 28);
        assertEquals(QrCodes.MAX_TEXT, longest.length());

        assertEquals(
                longest, QrDecoding.decode(image(QrCodes.encode(longest), 4)).getText());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QrCodes.encode(longest + "x"));
        assertTrue(e.getMessage().contains("201"), e.getMessage());
    }

    @Test
    void emptyTextIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> QrCodes.encode(""));
    }

    @Test
    void accentedTextRoundTrips() throws Exception {
        String text = "Référence à vérifier: SOU-03-000127";
        assertEquals(text, QrDecoding.decode(image(QrCodes.encode(text), 4)).getText());
    }

    private static BufferedImage image(BitMatrix matrix, int scale) {
        BufferedImage image =
                new BufferedImage(matrix.getWidth() * scale, matrix.getHeight() * scale, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, matrix.get(x / scale, y / scale) ? 0x000000 : 0xFFFFFF);
            }
        }
        return image;
    }
}
