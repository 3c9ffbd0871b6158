package org.accesscentre.app.controls;

import java.util.Objects;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SkinBase;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * A search field over a {@link ListView} of big rows. A row is chosen by a tap that did not move, not by a
 * press, so a finger that lands on a row to scroll the list does not pick it.
 */
final class SearchableListSkin extends SkinBase<SearchableList> {
    private final TextField field = new TextField();
    private final ListView<Choice> list = new ListView<>();
    private boolean showingSelection;

    SearchableListSkin(SearchableList control) {
        super(control);
        field.getStyleClass().add("search-field");
        field.promptTextProperty().bind(control.promptTextProperty());
        field.textProperty().bindBidirectional(control.filterTextProperty());

        Label noMatches = new Label();
        noMatches.getStyleClass().add("search-no-matches");
        noMatches.setWrapText(true);
        noMatches.textProperty().bind(control.noMatchesTextProperty());
        list.getStyleClass().add("search-rows");
        list.setPlaceholder(noMatches);
        list.setFocusTraversable(false);
        list.setCellFactory(view -> new Row());
        list.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
            if (is != null && !showingSelection) {
                control.setSelectedValue(is.value());
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox box = new VBox(field, list);
        box.getStyleClass().add("searchable-list-box");
        getChildren().add(box);

        registerChangeListener(control.filterTextProperty(), o -> showMatches());
        registerListChangeListener(control.getItems(), c -> showMatches());
        registerChangeListener(control.selectedValueProperty(), o -> showSelection());
        registerChangeListener(control.focusedProperty(), o -> {
            if (control.isFocused()) {
                field.requestFocus();
            }
        });
        showMatches();
        control.setSearchField(field);
    }

    private void showMatches() {
        SearchableList control = getSkinnable();
        list.getItems().setAll(ChoiceFilter.filter(control.getItems(), control.getFilterText()));
        showSelection();
        list.scrollTo(0);
    }

    private void showSelection() {
        showingSelection = true;
        try {
            String value = getSkinnable().getSelectedValue();
            list.getSelectionModel().clearSelection();
            for (Choice item : list.getItems()) {
                if (Objects.equals(item.value(), value)) {
                    list.getSelectionModel().select(item);
                }
            }
        } finally {
            showingSelection = false;
        }
    }

    @Override
    public void dispose() {
        field.textProperty().unbindBidirectional(getSkinnable().filterTextProperty());
        getSkinnable().setSearchField(null);
        super.dispose();
    }

    /** A big row: a mark that fills when chosen (never colour alone) and the label, wrapped if long. */
    private final class Row extends ListCell<Choice> {
        Row() {
            getStyleClass().add("search-row");
            setWrapText(true);
            Region inside = new Region();
            inside.getStyleClass().add("tile-mark-inside");
            inside.visibleProperty().bind(selectedProperty());
            StackPane mark = new StackPane(inside);
            mark.getStyleClass().addAll("tile-mark", "radio");
            setGraphic(mark);
            // The list would choose on press; a scrolling finger presses too. Choose on a still tap instead.
            addEventFilter(MouseEvent.MOUSE_PRESSED, MouseEvent::consume);
            setOnMouseClicked(e -> {
                Choice item = getItem();
                if (e.isStillSincePress() && item != null && !isEmpty()) {
                    getSkinnable().setSelectedValue(item.value());
                }
            });
        }

        @Override
        protected void updateItem(Choice item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.label());
            getGraphic().setVisible(!empty && item != null);
        }
    }
}
