package org.accesscentre.app.controls;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.value.ObservableStringValue;
import javafx.css.PseudoClass;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.SkinBase;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import org.accesscentre.app.controls.KeyboardPages.Page;

/**
 * Lays the keys of the current layout and page in a {@link KeyGrid} whose columns and rows are percentages,
 * so keys grow with the screen and shrink to their CSS minimum on the 800 px display; the gaps between keys
 * come from the stylesheet. Keys are buttons that never take the focus.
 */
final class OnScreenKeyboardSkin extends SkinBase<OnScreenKeyboard> {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private KeyGrid grid = new KeyGrid(1, 1);
    private final List<Letter> letters = new ArrayList<>();
    private final List<Button> shiftKeys = new ArrayList<>();
    private Page page = Page.LETTERS;

    /** A key whose label follows shift, with its unshifted text. */
    private record Letter(Button key, String text) {}

    OnScreenKeyboardSkin(OnScreenKeyboard keyboard) {
        super(keyboard);
        registerChangeListener(keyboard.layoutProperty(), o -> {
            page = Page.LETTERS;
            rebuild();
        });
        registerChangeListener(keyboard.shiftedProperty(), o -> showShift());
        rebuild();
    }

    private void rebuild() {
        unbindKeys();
        letters.clear();
        shiftKeys.clear();
        KeyboardPages.Grid keys = KeyboardPages.grid(getSkinnable().getLayout(), page);
        grid = new KeyGrid(keys.columns(), keys.rows());
        getChildren().setAll(grid);
        grid.getColumnConstraints().setAll(columns(keys.columns()));
        grid.getRowConstraints().setAll(rows(keys.rows()));
        // A whole key is two columns on the letter pages and one on the keypads.
        int keyColumns = keys.columns() > 4 ? 2 : 1;
        for (KeyDef def : keys.keys()) {
            grid.add(key(def, keyColumns), def.column(), def.row(), def.columnSpan(), def.rowSpan());
        }
        showShift();
    }

    private Button key(KeyDef def, int keyColumns) {
        OnScreenKeyboard keyboard = getSkinnable();
        Button key = new Button(def.text());
        key.getStyleClass()
                .addAll(
                        "key",
                        "key-" + def.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        if (def.columnSpan() > keyColumns) {
            key.getStyleClass().add("key-wide");
        }
        if (def.isAction()) {
            key.getStyleClass().add("key-action");
        }
        // The point of the keyboard: a tap must leave the focus, and so the caret, in the field.
        key.setFocusTraversable(false);
        key.setMnemonicParsing(false);
        key.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        switch (def.kind()) {
            case CHARACTER -> {
                letters.add(new Letter(key, def.text()));
                key.setOnAction(e -> {
                    keyboard.type(key.getText());
                    keyboard.setShifted(false);
                });
            }
            case TEXT -> key.setOnAction(e -> keyboard.type(def.text()));
            case DECIMAL -> bindText(key, keyboard.decimalSeparatorProperty(), keyboard::getDecimalSeparator);
            case SPACE -> {
                key.textProperty().bind(keyboard.spaceTextProperty());
                key.setOnAction(e -> keyboard.type(" "));
            }
            case SHIFT -> {
                key.textProperty().bind(keyboard.shiftTextProperty());
                key.setGraphic(icon("shift-icon"));
                key.setOnAction(e -> keyboard.setShifted(!keyboard.isShifted()));
                shiftKeys.add(key);
            }
            case DELETE -> {
                key.textProperty().bind(keyboard.deleteTextProperty());
                key.setGraphic(icon("delete-icon"));
                key.setOnAction(e -> keyboard.deleteBackward());
            }
            case DONE -> {
                key.textProperty().bind(keyboard.doneTextProperty());
                key.setOnAction(e -> keyboard.done());
            }
            case LETTERS_PAGE -> key.setOnAction(e -> showPage(Page.LETTERS));
            case ACCENTS_PAGE -> key.setOnAction(e -> showPage(Page.ACCENTS));
            case SYMBOLS_PAGE -> key.setOnAction(e -> showPage(Page.SYMBOLS));
        }
        // A key's own action must not bubble up to the keyboard, whose action is onDone: only Done is done.
        key.addEventHandler(ActionEvent.ACTION, ActionEvent::consume);
        return key;
    }

    private void bindText(Button key, ObservableStringValue text, Supplier<String> typed) {
        key.textProperty().bind(text);
        key.setOnAction(e -> getSkinnable().type(typed.get()));
    }

    private void showPage(Page next) {
        page = next;
        rebuild();
    }

    private void showShift() {
        boolean shifted = getSkinnable().isShifted();
        for (Letter letter : letters) {
            letter.key().setText(shifted ? letter.text().toUpperCase(Locale.ROOT) : letter.text());
        }
        for (Button key : shiftKeys) {
            key.pseudoClassStateChanged(SELECTED, shifted);
        }
    }

    /** An icon drawn by the stylesheet (an SVG shape), so it needs no font glyph and scales with the text. */
    private static Node icon(String styleClass) {
        Region icon = new Region();
        icon.getStyleClass().addAll("key-icon", styleClass);
        return icon;
    }

    private static List<ColumnConstraints> columns(int count) {
        List<ColumnConstraints> columns = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(100.0 / count);
            column.setHgrow(Priority.ALWAYS);
            columns.add(column);
        }
        return columns;
    }

    private static List<RowConstraints> rows(int count) {
        List<RowConstraints> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RowConstraints row = new RowConstraints();
            row.setPercentHeight(100.0 / count);
            row.setVgrow(Priority.ALWAYS);
            rows.add(row);
        }
        return rows;
    }

    private void unbindKeys() {
        for (Node child : grid.getChildren()) {
            ((Button) child).textProperty().unbind();
        }
    }

    @Override
    public void dispose() {
        unbindKeys();
        super.dispose();
    }
}
