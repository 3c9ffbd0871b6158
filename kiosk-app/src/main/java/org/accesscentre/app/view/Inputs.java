package org.accesscentre.app.view;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import org.accesscentre.app.controls.Choice;
import org.accesscentre.app.controls.ChoiceTiles;
import org.accesscentre.app.controls.DateEntry;
import org.accesscentre.app.controls.KeyboardLayout;
import org.accesscentre.app.controls.SearchableList;
import org.accesscentre.app.controls.SignaturePad;
import org.accesscentre.app.controls.YesNo;
import org.accesscentre.app.flow.InputKind;
import org.accesscentre.app.flow.QuestionViewModel;
import org.accesscentre.app.i18n.Strings;

/**
 * The input for each kind of question, bound both ways to the question's draft, with the keyboard layout
 * that fits it: digits for a phone number, the number pad for an amount, none for a choice.
 */
final class Inputs {
    private Inputs() {}

    static Node of(QuestionViewModel vm, Strings s, KeyboardDock dock, Runnable continueOn) {
        return switch (vm.kind()) {
            case TEXT, NUMBER, MONEY, PHONE, EMAIL, NATIONAL_ID -> typed(new TextField(), vm, dock, continueOn);
            case LONG_TEXT -> {
                TextArea area = new TextArea();
                area.setWrapText(true);
                area.setPrefRowCount(4);
                yield typed(area, vm, dock, continueOn);
            }
            case DATE -> date(vm, s, dock, continueOn);
            case CHOICE -> single(vm);
            case LIST -> list(vm, s, dock, continueOn);
            case CHOICES -> multiple(vm);
            case YES_NO -> yesNo(vm, s);
            case CONSENT -> consent(vm, s);
            case SIGNATURE -> signature(vm, s);
        };
    }

    private static Node typed(TextInputControl field, QuestionViewModel vm, KeyboardDock dock, Runnable continueOn) {
        field.setId("answer");
        field.getStyleClass().add("answer-field");
        field.textProperty().bindBidirectional(vm.textProperty());
        KeyboardLayout layout = layout(vm.kind());
        dock.decimalSeparator(vm.decimalSeparator());
        dock.attach(field, layout, continueOn);
        dock.open(field, layout, continueOn);
        field.positionCaret(field.getLength());
        if (field instanceof TextField tf) {
            tf.setOnAction(e -> continueOn.run());
        }
        return field;
    }

    static KeyboardLayout layout(InputKind kind) {
        return switch (kind) {
            case NUMBER, MONEY -> KeyboardLayout.NUMERIC;
            case PHONE -> KeyboardLayout.PHONE;
            case EMAIL -> KeyboardLayout.EMAIL;
            default -> KeyboardLayout.ALPHABETIC;
        };
    }

    private static Node date(QuestionViewModel vm, Strings s, KeyboardDock dock, Runnable continueOn) {
        DateEntry entry = new DateEntry();
        entry.setId("answer");
        entry.dayTextProperty().bindBidirectional(vm.dayProperty());
        entry.monthTextProperty().bindBidirectional(vm.monthProperty());
        entry.yearTextProperty().bindBidirectional(vm.yearProperty());
        entry.dayLabelProperty().set(s.get("question.day"));
        entry.monthLabelProperty().set(s.get("question.month"));
        entry.yearLabelProperty().set(s.get("question.year"));
        entry.monthNamesProperty().setAll(monthNames(s.locale()));
        entry.focusedFieldProperty().addListener((obs, was, field) -> {
            if (field != null) {
                dock.open(field, KeyboardLayout.NUMERIC, continueOn);
            }
        });
        return entry;
    }

    private static List<String> monthNames(String locale) {
        java.util.Locale loc = java.util.Locale.forLanguageTag(locale);
        return java.util.Arrays.stream(java.time.Month.values())
                .map(m -> m.getDisplayName(java.time.format.TextStyle.FULL_STANDALONE, loc))
                .toList();
    }

    private static List<Choice> choices(QuestionViewModel vm) {
        return vm.options().stream().map(o -> new Choice(o.value(), o.label())).toList();
    }

    private static Node single(QuestionViewModel vm) {
        ChoiceTiles tiles = new ChoiceTiles();
        tiles.setId("answer");
        tiles.setMode(SelectionMode.SINGLE);
        tiles.getItems().setAll(choices(vm));
        if (vm.choiceProperty().get() != null) {
            tiles.getSelectedValues().setAll(vm.choiceProperty().get());
        }
        tiles.getSelectedValues().addListener((ListChangeListener<String>) c -> vm.choiceProperty()
                .set(
                        tiles.getSelectedValues().isEmpty()
                                ? null
                                : tiles.getSelectedValues().getFirst()));
        return tiles;
    }

    private static Node multiple(QuestionViewModel vm) {
        ChoiceTiles tiles = new ChoiceTiles();
        tiles.setId("answer");
        tiles.setMode(SelectionMode.MULTIPLE);
        tiles.getItems().setAll(choices(vm));
        tiles.getSelectedValues().setAll(vm.choices());
        tiles.getSelectedValues()
                .addListener((ListChangeListener<String>) c -> vm.choices().setAll(tiles.getSelectedValues()));
        return tiles;
    }

    private static Node list(QuestionViewModel vm, Strings s, KeyboardDock dock, Runnable continueOn) {
        SearchableList list = new SearchableList();
        list.setId("answer");
        list.getItems().setAll(choices(vm));
        list.promptTextProperty().set(s.get("question.search"));
        list.noMatchesTextProperty().set(s.get("question.noMatches"));
        list.selectedValueProperty().bindBidirectional(vm.choiceProperty());
        list.searchFieldProperty().addListener((obs, was, field) -> {
            if (field != null) {
                dock.attach(field, KeyboardLayout.ALPHABETIC, continueOn);
            }
        });
        if (list.searchFieldProperty().get() != null) {
            dock.attach(list.searchFieldProperty().get(), KeyboardLayout.ALPHABETIC, continueOn);
        }
        return list;
    }

    private static Node yesNo(QuestionViewModel vm, Strings s) {
        YesNo yesNo = new YesNo();
        yesNo.setId("answer");
        yesNo.yesTextProperty().set(s.get("question.yes"));
        yesNo.noTextProperty().set(s.get("question.no"));
        yesNo.valueProperty().bindBidirectional(vm.flagProperty());
        return yesNo;
    }

    /** One big tile, "I agree": ticked means consent given. */
    private static Node consent(QuestionViewModel vm, Strings s) {
        ChoiceTiles tiles = new ChoiceTiles();
        tiles.setId("answer");
        tiles.setMode(SelectionMode.MULTIPLE);
        tiles.getItems().setAll(new Choice("agree", s.get("question.agree")));
        if (Boolean.TRUE.equals(vm.flagProperty().get())) {
            tiles.getSelectedValues().setAll("agree");
        }
        tiles.getSelectedValues().addListener((ListChangeListener<String>)
                c -> vm.flagProperty().set(tiles.getSelectedValues().contains("agree") ? Boolean.TRUE : null));
        return tiles;
    }

    private static Node signature(QuestionViewModel vm, Strings s) {
        SignaturePad pad = new SignaturePad();
        pad.setId("answer");
        pad.promptTextProperty().set(s.get("question.signHere"));
        pad.clearTextProperty().set(s.get("question.clearSignature"));
        pad.getStrokes().setAll(vm.strokes());
        pad.getStrokes().addListener((ListChangeListener<org.accesscentre.core.answer.Stroke>)
                c -> vm.strokes().setAll(pad.getStrokes()));
        return pad;
    }
}
