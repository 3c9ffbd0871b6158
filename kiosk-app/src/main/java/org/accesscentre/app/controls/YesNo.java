package org.accesscentre.app.controls;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import org.jspecify.annotations.Nullable;

/**
 * A yes-or-no question as two big tiles. {@link #valueProperty() value} is null until the citizen answers,
 * so "not answered" is never mistaken for "no".
 *
 * <p>Style class {@code yes-no}; the tiles are {@code choice-tile} with {@code yes-tile} or {@code no-tile}.
 */
public final class YesNo extends Control {
    private final ObjectProperty<@Nullable Boolean> value = new SimpleObjectProperty<>(this, "value");
    private final StringProperty yesText = new SimpleStringProperty(this, "yesText", "Yes");
    private final StringProperty noText = new SimpleStringProperty(this, "noText", "No");

    public YesNo() {
        getStyleClass().add("yes-no");
        setFocusTraversable(false);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new YesNoSkin(this);
    }

    /** TRUE for yes, FALSE for no, null while not answered. */
    public ObjectProperty<@Nullable Boolean> valueProperty() {
        return value;
    }

    public @Nullable Boolean getValue() {
        return value.get();
    }

    public void setValue(@Nullable Boolean answer) {
        value.set(answer);
    }

    public StringProperty yesTextProperty() {
        return yesText;
    }

    public StringProperty noTextProperty() {
        return noText;
    }
}
