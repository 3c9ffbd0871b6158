package org.accesscentre.app.controls;

import javafx.scene.Node;
import javafx.scene.layout.GridPane;

/**
 * The keyboard's grid: equal percentage columns and rows, whose minimum and preferred sizes are worked out
 * from the keys. {@link GridPane}'s own sums over spanned percentage columns come out far above what the keys
 * need (over 1000 px for a row of ten letters), which would push the keyboard off the 800 px screen.
 */
final class KeyGrid extends GridPane {
    private final int columns;
    private final int rows;

    KeyGrid(int columns, int rows) {
        this.columns = columns;
        this.rows = rows;
        getStyleClass().add("key-grid");
    }

    @Override
    protected double computeMinWidth(double height) {
        return width(true);
    }

    @Override
    protected double computePrefWidth(double height) {
        return width(false);
    }

    @Override
    protected double computeMinHeight(double width) {
        return height(true);
    }

    @Override
    protected double computePrefHeight(double width) {
        return height(false);
    }

    /** The widest column any key asks for, times the columns, plus the gaps. */
    private double width(boolean min) {
        double column = 0;
        for (Node key : getManagedChildren()) {
            int span = spanOf(getColumnSpan(key));
            double wanted = min ? key.minWidth(-1) : key.prefWidth(-1);
            column = Math.max(column, (wanted - (span - 1) * getHgap()) / span);
        }
        return snappedLeftInset() + snapSizeX(column * columns + getHgap() * (columns - 1)) + snappedRightInset();
    }

    private double height(boolean min) {
        double row = 0;
        for (Node key : getManagedChildren()) {
            int span = spanOf(getRowSpan(key));
            double wanted = min ? key.minHeight(-1) : key.prefHeight(-1);
            row = Math.max(row, (wanted - (span - 1) * getVgap()) / span);
        }
        return snappedTopInset() + snapSizeY(row * rows + getVgap() * (rows - 1)) + snappedBottomInset();
    }

    private static int spanOf(Integer span) {
        return span == null || span < 1 ? 1 : span;
    }
}
