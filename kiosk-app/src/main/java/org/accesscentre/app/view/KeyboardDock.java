package org.accesscentre.app.view;

import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.StackPane;
import org.accesscentre.app.controls.KeyboardLayout;
import org.accesscentre.app.controls.OnScreenKeyboard;
import org.accesscentre.app.i18n.Strings;
import org.jspecify.annotations.Nullable;

/**
 * The one on-screen keyboard, docked above the bottom bar. A page attaches the fields it has with the layout
 * that fits each; the keyboard types into whichever of them has the focus and hides when none does. It keeps
 * no history: each page attaches afresh, and a wipe detaches everything.
 */
final class KeyboardDock {
    private final OnScreenKeyboard keyboard = new OnScreenKeyboard();
    private final StackPane slot = new StackPane(keyboard);
    private @Nullable Runnable onDone;

    KeyboardDock() {
        slot.getStyleClass().add("keyboard-dock");
        slot.managedProperty().bind(slot.visibleProperty());
        slot.setVisible(false);
        keyboard.setOnDone(e -> {
            if (onDone != null) {
                onDone.run();
            }
        });
    }

    Node node() {
        return slot;
    }

    void words(Strings s) {
        keyboard.spaceTextProperty().set(s.get("keyboard.space"));
        keyboard.deleteTextProperty().set(s.get("keyboard.delete"));
        keyboard.doneTextProperty().set(s.get("keyboard.done"));
        keyboard.shiftTextProperty().set(s.get("keyboard.shift"));
    }

    /**
     * Types into {@code field} with {@code layout} whenever it has the focus; {@code done} runs on the Done key
     * (a page's Continue, or a search).
     */
    void attach(TextInputControl field, KeyboardLayout layout, @Nullable Runnable done) {
        ChangeListener<Boolean> focus = (obs, was, is) -> {
            if (is) {
                keyboard.setLayout(layout);
                keyboard.setTarget(field);
                onDone = done;
                slot.setVisible(true);
            }
        };
        field.focusedProperty().addListener(focus);
        if (field.isFocused()) {
            focus.changed(field.focusedProperty(), false, true);
        }
    }

    /** Shows the keyboard for a field at once (the page's first field), without waiting for a tap on it. */
    void open(TextInputControl field, KeyboardLayout layout, @Nullable Runnable done) {
        keyboard.setLayout(layout);
        keyboard.setTarget(field);
        onDone = done;
        slot.setVisible(true);
    }

    void decimalSeparator(char c) {
        keyboard.setDecimalSeparator(String.valueOf(c));
    }

    /** A new page, or a wipe: the keyboard forgets its field and hides. */
    void detach() {
        keyboard.setTarget(null);
        keyboard.setShifted(false);
        keyboard.setLayout(KeyboardLayout.ALPHABETIC);
        onDone = null;
        slot.setVisible(false);
    }

    OnScreenKeyboard keyboard() {
        return keyboard;
    }
}
