package org.accesscentre.app.receipt;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * QR codes for receipts, one matrix cell per module, quiet zone included, so a view scales them by whole
 * dots or pixels and never blurs a module edge.
 */
public final class QrCodes {
    /** A reference is 15 to 18 characters; 200 leaves room for a link and keeps the code small enough. */
    public static final int MAX_TEXT = 200;

    /** The light border the QR standard asks for, in modules: scanners look for it. */
    public static final int QUIET_ZONE = 4;

    // M survives about 15% damage: a crease or a smudged thermal receipt, at a smaller code than Q or H.
    private static final Map<EncodeHintType, Object> HINTS = Map.of(
            EncodeHintType.ERROR_CORRECTION,
            ErrorCorrectionLevel.M,
            EncodeHintType.MARGIN,
            QUIET_ZONE,
            EncodeHintType.CHARACTER_SET,
            StandardCharsets.UTF_8.name());

    private QrCodes() {}

    /**
     * The code for {@code text}, one cell per module, {@code true} = dark, with the quiet zone around it.
     *
     * @throws IllegalArgumentException if the text is empty or longer than {@link #MAX_TEXT}
     */
    public static BitMatrix encode(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("a QR code needs some text");
        }
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException(
                    "QR text is " + text.length() + " characters long; a receipt's code takes at most " + MAX_TEXT);
        }
        try {
            // Size 0 asks ZXing for its natural size: one cell per module, no scaling.
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, HINTS);
        } catch (WriterException e) {
            // 200 characters at level M fit easily in version 40's 2,331 bytes; this is a bug, not bad input.
            throw new IllegalStateException("cannot encode " + text.length() + " characters as a QR code", e);
        }
    }

    /** {@code modules(text)[y][x]} is true where the module is dark; the quiet zone is included. */
    public static boolean[][] modules(String text) {
        return modules(encode(text));
    }

    /** A copy of the matrix as rows of modules, for a view that draws it. */
    public static boolean[][] modules(BitMatrix matrix) {
        boolean[][] rows = new boolean[matrix.getHeight()][matrix.getWidth()];
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < rows[y].length; x++) {
                rows[y][x] = matrix.get(x, y);
            }
        }
        return rows;
    }

    /** The width (= height) in modules of the code for {@code text}, quiet zone included. */
    public static int size(String text) {
        return encode(text).getWidth();
    }
}
