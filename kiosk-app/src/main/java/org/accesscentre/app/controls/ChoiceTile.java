package org.accesscentre.app.controls;

import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * One big tile of {@link ChoiceTiles} or {@link YesNo}: a toggle with a mark and words. The mark is a radio
 * circle or a check box whose inside shows only when chosen, so the choice is never told by colour alone.
 * Style classes {@code choice-tile}, and on the mark {@code tile-mark} with {@code radio} or {@code check};
 * pseudo-class {@code :selected}.
 */
final class ChoiceTile extends ToggleButton {
    private final StackPane mark = new StackPane();

    ChoiceTile(boolean multiple) {
        getStyleClass().add("choice-tile");
        setMnemonicParsing(false);
        setWrapText(true);
        setContentDisplay(ContentDisplay.LEFT);
        setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        Region inside = new Region();
        inside.getStyleClass().add("tile-mark-inside");
        inside.visibleProperty().bind(selectedProperty());
        mark.getStyleClass().add("tile-mark");
        mark.getChildren().add(inside);
        setGraphic(mark);
        setMultiple(multiple);
    }

    /** A check box for "pick any", a radio circle for "pick one", as people know them from paper forms. */
    void setMultiple(boolean multiple) {
        mark.getStyleClass().removeAll("radio", "check");
        mark.getStyleClass().add(multiple ? "check" : "radio");
    }
}
