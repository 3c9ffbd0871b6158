package org.accesscentre.app.controls;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import javafx.scene.control.TextField;
import org.jspecify.annotations.Nullable;

/**
 * A long list (villages, offices, countries) with a search box on top: the citizen types a few letters, with
 * or without accents, and taps a big row. Rows where the search starts a word come first.
 *
 * <p>The search text is session data like any answer: {@link #clear()} it when the session is wiped.
 *
 * <p>Style class {@code searchable-list}; the field {@code search-field}, the rows {@code search-row}.
 */
public final class SearchableList extends Control {
    private final ObservableList<Choice> items = FXCollections.observableArrayList();
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final StringProperty selectedValue = new SimpleStringProperty(this, "selectedValue");
    private final StringProperty promptText = new SimpleStringProperty(this, "promptText", "Search");
    private final StringProperty noMatchesText = new SimpleStringProperty(this, "noMatchesText", "No matches");
    private final ReadOnlyObjectWrapper<@Nullable TextField> searchField =
            new ReadOnlyObjectWrapper<>(this, "searchField");

    public SearchableList() {
        getStyleClass().add("searchable-list");
        // The search field takes the focus, not the box around it; the skin passes it on.
        setFocusTraversable(false);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new SearchableListSkin(this);
    }

    /** Empties the search, so the whole list shows again and nothing the citizen typed stays on screen. */
    public void clear() {
        filterText.set("");
    }

    void setSearchField(@Nullable TextField field) {
        searchField.set(field);
    }

    public ObservableList<Choice> getItems() {
        return items;
    }

    /** What is typed in the search field; the list shows the items that match it. */
    public StringProperty filterTextProperty() {
        return filterText;
    }

    public String getFilterText() {
        return filterText.get();
    }

    public void setFilterText(String value) {
        filterText.set(value);
    }

    /** The value of the row the citizen chose, or null. It stays chosen when a search hides its row. */
    public StringProperty selectedValueProperty() {
        return selectedValue;
    }

    public @Nullable String getSelectedValue() {
        return selectedValue.get();
    }

    public void setSelectedValue(@Nullable String value) {
        selectedValue.set(value);
    }

    /** Shown in the empty search field, e.g. "Search". */
    public StringProperty promptTextProperty() {
        return promptText;
    }

    /** Shown instead of the list when nothing matches the search. */
    public StringProperty noMatchesTextProperty() {
        return noMatchesText;
    }

    /** The search field, for the app to bind the on-screen keyboard's target to; null until the skin is made. */
    public ReadOnlyObjectProperty<@Nullable TextField> searchFieldProperty() {
        return searchField.getReadOnlyProperty();
    }

    public @Nullable TextField getSearchField() {
        return searchField.get();
    }
}
