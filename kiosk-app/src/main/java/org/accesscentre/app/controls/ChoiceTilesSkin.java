package org.accesscentre.app.controls;

import javafx.scene.Node;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SkinBase;
import javafx.scene.layout.TilePane;

/**
 * The tiles in a {@link TilePane}: all the same size (the stylesheet sets their preferred width), as many
 * across as fit, so a long list wraps instead of running off the screen.
 */
final class ChoiceTilesSkin extends SkinBase<ChoiceTiles> {
    private final TilePane tiles = new TilePane();

    ChoiceTilesSkin(ChoiceTiles control) {
        super(control);
        tiles.getStyleClass().add("choice-tile-pane");
        getChildren().add(tiles);
        registerListChangeListener(control.getItems(), c -> rebuild());
        registerListChangeListener(control.getSelectedValues(), c -> showSelection());
        registerChangeListener(control.modeProperty(), o -> {
            for (Node tile : tiles.getChildren()) {
                ((ChoiceTile) tile).setMultiple(control.getMode() == SelectionMode.MULTIPLE);
            }
        });
        rebuild();
    }

    private void rebuild() {
        ChoiceTiles control = getSkinnable();
        tiles.getChildren().clear();
        for (Choice item : control.getItems()) {
            ChoiceTile tile = new ChoiceTile(control.getMode() == SelectionMode.MULTIPLE);
            tile.setText(item.label());
            tile.setUserData(item.value());
            tile.setOnAction(e -> {
                control.tap(item.value());
                // The toggle flipped itself; the selected values say what it should show.
                showSelection();
            });
            tiles.getChildren().add(tile);
        }
        // Few tiles stand in one row; more fill rows of up to three, the most a reader takes in at a glance.
        tiles.setPrefColumns(Math.clamp(control.getItems().size(), 1, 3));
        showSelection();
    }

    private void showSelection() {
        for (Node tile : tiles.getChildren()) {
            ((ChoiceTile) tile).setSelected(getSkinnable().getSelectedValues().contains((String) tile.getUserData()));
        }
    }

    @Override
    protected double computePrefHeight(
            double width, double topInset, double rightInset, double bottomInset, double leftInset) {
        double inner = width < 0 ? -1 : width - leftInset - rightInset;
        return topInset + tiles.prefHeight(inner) + bottomInset;
    }

    /** Takes the width it is given, so the tiles wrap against the real width, not the preferred one. */
    @Override
    protected double computeMaxWidth(
            double height, double topInset, double rightInset, double bottomInset, double leftInset) {
        return Double.MAX_VALUE;
    }
}
