package org.accesscentre.app.receipt;

import com.google.zxing.common.BitMatrix;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.accesscentre.app.receipt.LayoutElement.QrCode;
import org.accesscentre.app.receipt.LayoutElement.Rule;
import org.accesscentre.app.receipt.LayoutElement.TextLine;

/**
 * Draws a laid-out receipt with Java2D, one image pixel per printer dot: black on white, text anti-aliased,
 * rules and QR modules on whole pixels, so thresholding it to 1 bit for a thermal printer keeps every module
 * sharp. Uses only {@code BufferedImage}, {@code Graphics2D} and ImageIO, never the AWT toolkit, so it
 * runs headless.
 */
public final class ReceiptRenderer {
    private ReceiptRenderer() {}

    public static BufferedImage render(ReceiptLayout layout) {
        BufferedImage image = new BufferedImage(layout.width(), layout.height(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, layout.width(), layout.height());
            g.setColor(Color.BLACK);
            // The same rendering context ReceiptFonts measures with, so lines are exactly as wide as laid out.
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            for (LayoutElement element : layout.elements()) {
                switch (element) {
                    case TextLine t -> {
                        g.setFont(ReceiptFonts.font(t.size(), t.bold()));
                        g.drawString(t.text(), (float) t.x(), (float) t.baseline());
                    }
                    case QrCode q -> drawQr(g, q);
                    case Rule r -> g.fillRect(r.x(), r.y(), r.width(), r.height());
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void drawQr(Graphics2D g, QrCode qr) {
        BitMatrix matrix = QrCodes.encode(qr.payload());
        int m = qr.moduleSize();
        for (int row = 0; row < matrix.getHeight(); row++) {
            for (int col = 0; col < matrix.getWidth(); col++) {
                if (matrix.get(col, row)) {
                    g.fillRect(qr.x() + col * m, qr.y() + row * m, m, m);
                }
            }
        }
    }

    /**
     * The image as PNG bytes, encoded in memory: {@code ImageIO.write} to a stream may spill into a cache
     * file in the temporary directory, and a receipt has no business lying there.
     */
    static byte[] png(BufferedImage image) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IOException("this Java runtime has no PNG writer");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(image);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
