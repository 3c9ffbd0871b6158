package org.accesscentre.app.view;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.accesscentre.app.receipt.QrCodes;

/** A QR code drawn module by module, black on white whatever the theme, so any phone reads it. */
final class QrView extends Canvas {
    QrView(String text, double size) {
        super(size, size);
        getStyleClass().add("qr");
        boolean[][] modules = QrCodes.modules(text);
        int n = modules.length;
        double cell = Math.floor(size / n);
        double offset = (size - cell * n) / 2;
        GraphicsContext g = getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, size, size);
        g.setFill(Color.BLACK);
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                if (modules[y][x]) {
                    g.fillRect(offset + x * cell, offset + y * cell, cell, cell);
                }
            }
        }
    }
}
