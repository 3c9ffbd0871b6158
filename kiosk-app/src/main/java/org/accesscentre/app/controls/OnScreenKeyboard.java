package org.accesscentre.app.controls;

import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ObjectPropertyBase;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.css.PseudoClass;
import javafx.event.ActionEvent;
import javafx.event.EventHandler;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import javafx.scene.control.TextInputControl;
import org.jspecify.annotations.Nullable;

/**
 * The kiosk's keyboard: nobody can bring their own, so every text answer is typed here. Keys type into the
 * {@link #targetProperty() target} at its caret (or over its selection) and never take the focus, so the
 * field keeps its caret and the citizen sees where the next letter goes.
 *
 * <p>The keyboard remembers nothing between key presses: no history, no suggestions, no learned words, so
 * nothing one citizen typed can show up for the next.
 *
 * <p>Key labels that are words ({@link #spaceTextProperty() Space}, Delete, Done, Shift) are properties for
 * the app to bind to its resource bundle. Style class {@code on-screen-keyboard}, with a pseudo-class for the
 * layout ({@code :alphabetic}, {@code :numeric}, {@code :phone}, {@code :email}).
 */
public final class OnScreenKeyboard extends Control {
    private final ObjectProperty<@Nullable TextInputControl> target = new SimpleObjectProperty<>(this, "target");
    private final ObjectProperty<KeyboardLayout> layout = new SimpleObjectProperty<>(this, "layout") {
        @Override
        protected void invalidated() {
            for (KeyboardLayout each : KeyboardLayout.values()) {
                pseudoClassStateChanged(pseudoClass(each), each == get());
            }
        }
    };
    private final StringProperty decimalSeparator = new SimpleStringProperty(this, "decimalSeparator", ".");
    private final BooleanProperty shifted = new SimpleBooleanProperty(this, "shifted");
    private final StringProperty spaceText = new SimpleStringProperty(this, "spaceText", "Space");
    private final StringProperty deleteText = new SimpleStringProperty(this, "deleteText", "Delete");
    private final StringProperty doneText = new SimpleStringProperty(this, "doneText", "Done");
    private final StringProperty shiftText = new SimpleStringProperty(this, "shiftText", "Shift");
    private final ObjectProperty<@Nullable EventHandler<ActionEvent>> onDone = new ObjectPropertyBase<>() {
        @Override
        protected void invalidated() {
            setEventHandler(ActionEvent.ACTION, get());
        }

        @Override
        public Object getBean() {
            return OnScreenKeyboard.this;
        }

        @Override
        public String getName() {
            return "onDone";
        }
    };

    public OnScreenKeyboard() {
        this(KeyboardLayout.ALPHABETIC);
    }

    public OnScreenKeyboard(KeyboardLayout layout) {
        getStyleClass().add("on-screen-keyboard");
        // The keyboard itself must not take the focus either, or a tap between keys would hide the caret.
        setFocusTraversable(false);
        this.layout.set(layout);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new OnScreenKeyboardSkin(this);
    }

    /** Types {@code text} into the target: at the caret, or over the selection. Letters follow shift once. */
    void type(String text) {
        TextInputControl field = editableTarget();
        if (field != null) {
            field.replaceSelection(text);
        }
    }

    /** Removes the selection, or the one character before the caret. */
    void deleteBackward() {
        TextInputControl field = editableTarget();
        if (field != null) {
            field.deletePreviousChar();
        }
    }

    void done() {
        fireEvent(new ActionEvent(this, this));
    }

    private @Nullable TextInputControl editableTarget() {
        TextInputControl field = getTarget();
        return field != null && field.isEditable() && !field.isDisabled() ? field : null;
    }

    static PseudoClass pseudoClass(KeyboardLayout layout) {
        return PseudoClass.getPseudoClass(layout.name().toLowerCase(Locale.ROOT));
    }

    /** The field the keys type into; null types nowhere. Bind it to the field the citizen is filling. */
    public ObjectProperty<@Nullable TextInputControl> targetProperty() {
        return target;
    }

    public @Nullable TextInputControl getTarget() {
        return target.get();
    }

    public void setTarget(@Nullable TextInputControl value) {
        target.set(value);
    }

    public ObjectProperty<KeyboardLayout> layoutProperty() {
        return layout;
    }

    public KeyboardLayout getLayout() {
        return layout.get();
    }

    public void setLayout(KeyboardLayout value) {
        layout.set(value);
    }

    /** What the NUMERIC layout's decimal key types: "." or "," as the citizen's language writes numbers. */
    public StringProperty decimalSeparatorProperty() {
        return decimalSeparator;
    }

    public String getDecimalSeparator() {
        return decimalSeparator.get();
    }

    public void setDecimalSeparator(String value) {
        decimalSeparator.set(value);
    }

    /**
     * Whether the next letter is a capital. Shift lasts one letter, as on a phone; the app may set it to start
     * a name with a capital.
     */
    public BooleanProperty shiftedProperty() {
        return shifted;
    }

    public boolean isShifted() {
        return shifted.get();
    }

    public void setShifted(boolean value) {
        shifted.set(value);
    }

    public StringProperty spaceTextProperty() {
        return spaceText;
    }

    public StringProperty deleteTextProperty() {
        return deleteText;
    }

    public StringProperty doneTextProperty() {
        return doneText;
    }

    public StringProperty shiftTextProperty() {
        return shiftText;
    }

    /** Called when the citizen taps Done: usually "go on to the next question" or "hide the keyboard". */
    public ObjectProperty<@Nullable EventHandler<ActionEvent>> onDoneProperty() {
        return onDone;
    }

    public @Nullable EventHandler<ActionEvent> getOnDone() {
        return onDone.get();
    }

    public void setOnDone(@Nullable EventHandler<ActionEvent> value) {
        onDone.set(value);
    }
}
