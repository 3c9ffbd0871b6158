package org.accesscentre.app.controls;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.scene.control.Control;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Skin;

/**
 * Big tiles to pick one or several answers from a short list, each with a radio or check mark and words.
 * {@link #getSelectedValues() selectedValues} follows the order of {@link #getItems() items}, not the order
 * of taps, so the same answer is stored the same way whatever order it was picked in.
 *
 * <p>Style class {@code choice-tiles}; each tile {@code choice-tile} with {@code :selected}.
 */
public final class ChoiceTiles extends Control {
    private final ObservableList<Choice> items = FXCollections.observableArrayList();
    private final ObservableList<String> selectedValues = FXCollections.observableArrayList();
    private final ObjectProperty<SelectionMode> mode = new SimpleObjectProperty<>(this, "mode", SelectionMode.SINGLE);

    public ChoiceTiles() {
        getStyleClass().add("choice-tiles");
        // The tiles take the focus, not the pane around them.
        setFocusTraversable(false);
        mode.addListener((o, was, is) -> {
            if (is == SelectionMode.SINGLE && selectedValues.size() > 1) {
                selectedValues.setAll(selectedValues.getFirst());
            }
        });
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new ChoiceTilesSkin(this);
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    /**
     * A tap on the tile of {@code value}: in SINGLE mode it becomes the one answer (tapping it again keeps
     * it, like a radio button); in MULTIPLE mode it is added or taken away.
     */
    void tap(String value) {
        if (getMode() == SelectionMode.SINGLE) {
            if (!selectedValues.equals(List.of(value))) {
                selectedValues.setAll(value);
            }
            return;
        }
        List<String> chosen = new ArrayList<>();
        for (Choice item : items) {
            boolean was = selectedValues.contains(item.value());
            if (item.value().equals(value) ? !was : was) {
                chosen.add(item.value());
            }
        }
        selectedValues.setAll(chosen);
    }

    public ObservableList<Choice> getItems() {
        return items;
    }

    /** The values chosen, in the order of the items. Set it to pre-fill a known answer. */
    public ObservableList<String> getSelectedValues() {
        return selectedValues;
    }

    /** SINGLE: pick one (radio marks). MULTIPLE: pick any (check marks). */
    public ObjectProperty<SelectionMode> modeProperty() {
        return mode;
    }

    public SelectionMode getMode() {
        return mode.get();
    }

    public void setMode(SelectionMode value) {
        mode.set(value);
    }
}
