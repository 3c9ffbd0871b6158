package org.accesscentre.app.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The keyboard typed on with a finger: keys are tapped, the field they type into keeps its focus and caret. */
@ExtendWith(ApplicationExtension.class)
class OnScreenKeyboardTest {
    private TextField field;
    private OnScreenKeyboard keyboard;
    private int done;

    @Start
    void start(Stage stage) {
        field = new TextField();
        field.setId("field");
        keyboard = new OnScreenKeyboard();
        keyboard.setTarget(field);
        keyboard.setOnDone(e -> done++);
        stage.setScene(Fx.scene(new VBox(field, keyboard), 800, 480));
        stage.show();
    }

    private Button key(FxRobot robot, String text) {
        return Fx.labeled(robot, "key", text, Button.class);
    }

    private void tap(FxRobot robot, String... texts) {
        for (String text : texts) {
            Fx.tap(robot, key(robot, text));
        }
    }

    /** Gives the field the focus with a tap, then puts its text and caret where a test wants them. */
    private void fieldWith(FxRobot robot, String text, int caret) {
        Fx.tap(robot, field);
        robot.interact(() -> {
            field.setText(text);
            field.positionCaret(caret);
        });
    }

    private List<String> keyTexts(FxRobot robot) {
        return robot.lookup(".key").queryAllAs(Button.class).stream()
                .filter(Node::isVisible)
                .map(Button::getText)
                .toList();
    }

    @Test
    void keysTypeAtTheCaretAndLeaveTheFocusInTheField(FxRobot robot) {
        fieldWith(robot, "helo", 3);

        tap(robot, "l");
        assertEquals("hello", field.getText());
        assertEquals(4, field.getCaretPosition());

        robot.interact(() -> field.positionCaret(0));
        tap(robot, "o", "h", "Space");
        assertEquals("oh hello", field.getText());
        assertTrue(field.isFocused(), "a key took the focus from the field");
        assertEquals(3, field.getCaretPosition());
    }

    @Test
    void aKeyTypesOverTheSelection(FxRobot robot) {
        fieldWith(robot, "grey cat", 0);
        robot.interact(() -> field.selectRange(0, 4));

        tap(robot, "b", "l", "a", "c", "k");

        assertEquals("black cat", field.getText());
    }

    @Test
    void shiftCapitalisesTheNextLetterOnly(FxRobot robot) {
        fieldWith(robot, "", 0);
        Button shift = key(robot, "Shift");
        assertFalse(shift.getPseudoClassStates().contains(PseudoClass.getPseudoClass("selected")));

        tap(robot, "Shift");
        assertTrue(keyboard.isShifted());
        assertTrue(shift.getPseudoClassStates().contains(PseudoClass.getPseudoClass("selected")));
        assertTrue(keyTexts(robot).contains("Q"), "shifted letter keys show capitals");
        assertFalse(keyTexts(robot).contains("q"));

        tap(robot, "M", "a", "r", "y");

        assertEquals("Mary", field.getText());
        assertFalse(keyboard.isShifted());
        assertFalse(shift.getPseudoClassStates().contains(PseudoClass.getPseudoClass("selected")));
        assertTrue(keyTexts(robot).contains("q"), "letter keys are small again after one capital");
    }

    @Test
    void tappingShiftTwiceTurnsItOff(FxRobot robot) {
        fieldWith(robot, "", 0);

        tap(robot, "Shift", "Shift", "a");

        assertEquals("a", field.getText());
    }

    @Test
    void theAppMaySetShiftToStartANameWithACapital(FxRobot robot) {
        fieldWith(robot, "", 0);
        robot.interact(() -> keyboard.setShifted(true));

        tap(robot, "J", "o");

        assertEquals("Jo", field.getText());
    }

    @Test
    void deleteRemovesTheCharacterBeforeTheCaret(FxRobot robot) {
        fieldWith(robot, "abcd", 2);

        tap(robot, "Delete");

        assertEquals("acd", field.getText());
        assertEquals(1, field.getCaretPosition());

        tap(robot, "Delete", "Delete");
        assertEquals("cd", field.getText(), "delete at the start of the field removes nothing");
        assertEquals(0, field.getCaretPosition());
    }

    @Test
    void deleteRemovesTheSelection(FxRobot robot) {
        fieldWith(robot, "one two", 0);
        robot.interact(() -> field.selectRange(3, 7));

        tap(robot, "Delete");

        assertEquals("one", field.getText());
    }

    @Test
    void doneRunsTheCallback(FxRobot robot) {
        fieldWith(robot, "x", 1);

        tap(robot, "Done");

        assertEquals(1, done);
        assertEquals("x", field.getText(), "Done types nothing");
    }

    @Test
    void wordKeysFollowTheirTranslatedLabels(FxRobot robot) {
        fieldWith(robot, "ab", 2);
        robot.interact(() -> {
            keyboard.spaceTextProperty().set("Espace");
            keyboard.deleteTextProperty().set("Effacer");
            keyboard.doneTextProperty().set("Fini");
        });

        tap(robot, "Espace", "Effacer", "Effacer", "Fini");

        assertEquals("a", field.getText());
        assertEquals(1, done);
    }

    @Test
    void theAccentsPageTypesAccentedLettersWhichFollowShift(FxRobot robot) {
        fieldWith(robot, "Soufri", 6);

        tap(robot, KeyboardPages.ACCENTS_LABEL, "è");
        tap(robot, KeyboardPages.LETTERS_LABEL, "r", "e");
        tap(robot, KeyboardPages.ACCENTS_LABEL, "Shift", "É");

        assertEquals("SoufrièreÉ", field.getText());
    }

    @Test
    void theSymbolsPageTypesDigitsAndPunctuation(FxRobot robot) {
        fieldWith(robot, "", 0);

        tap(robot, KeyboardPages.SYMBOLS_LABEL, "4", "2", "/", "7");

        assertEquals("42/7", field.getText());
        assertFalse(keyTexts(robot).contains("q"), "the symbols page replaces the letters");
    }

    @Test
    void theNumericLayoutTypesTheConfiguredDecimalSeparator(FxRobot robot) {
        robot.interact(() -> {
            keyboard.setLayout(KeyboardLayout.NUMERIC);
            keyboard.setDecimalSeparator(",");
        });
        fieldWith(robot, "", 0);

        tap(robot, "1", "2", ",", "5");

        assertEquals("12,5", field.getText());
        assertFalse(keyTexts(robot).contains("."), "only the configured separator is on the keypad");
        assertFalse(keyTexts(robot).contains("a"), "a keypad has no letters");
        assertTrue(keyboard.getPseudoClassStates().contains(PseudoClass.getPseudoClass("numeric")));

        robot.interact(() -> keyboard.setDecimalSeparator("."));
        tap(robot, "Delete", "Delete", ".", "7");
        assertEquals("12.7", field.getText());
    }

    @Test
    void theNumericKeypadHasEveryDigit(FxRobot robot) {
        robot.interact(() -> keyboard.setLayout(KeyboardLayout.NUMERIC));
        fieldWith(robot, "", 0);

        tap(robot, "1", "2", "3", "4", "5", "6", "7", "8", "9", "0");

        assertEquals("1234567890", field.getText());
    }

    @Test
    void thePhoneLayoutHasPlusAndSpace(FxRobot robot) {
        robot.interact(() -> keyboard.setLayout(KeyboardLayout.PHONE));
        fieldWith(robot, "", 0);

        tap(robot, "+", "1", "7", "5", "8", "Space", "4", "5", "2");

        assertEquals("+1758 452", field.getText());
        assertTrue(keyboard.getPseudoClassStates().contains(PseudoClass.getPseudoClass("phone")));
        assertFalse(keyboard.getPseudoClassStates().contains(PseudoClass.getPseudoClass("alphabetic")));
    }

    @Test
    void theEmailLayoutHasAtDotAndDotComButNoSpaceBar(FxRobot robot) {
        robot.interact(() -> keyboard.setLayout(KeyboardLayout.EMAIL));
        fieldWith(robot, "", 0);
        List<String> keys = keyTexts(robot);
        assertTrue(keys.containsAll(List.of("@", ".", ".com", "_", "-")), keys.toString());
        assertFalse(keys.contains("Space"), "an email address has no spaces");

        tap(robot, "j", "o", "_", "b", "@", "m", "a", "i", "l", ".", "l", "c", ".com");

        assertEquals("jo_b@mail.lc.com", field.getText());
    }

    @Test
    void changingLayoutGoesBackToTheFirstPage(FxRobot robot) {
        tap(robot, KeyboardPages.SYMBOLS_LABEL);
        assertFalse(keyTexts(robot).contains("q"));

        robot.interact(() -> keyboard.setLayout(KeyboardLayout.EMAIL));

        assertTrue(keyTexts(robot).contains("q"));
        assertTrue(keyTexts(robot).contains("@"));
    }

    @Test
    void keysTypeNothingIntoAFieldThatCannotBeEdited(FxRobot robot) {
        fieldWith(robot, "fixed", 5);
        robot.interact(() -> field.setEditable(false));

        tap(robot, "a", "Delete");

        assertEquals("fixed", field.getText());
    }

    @Test
    void withoutATargetKeysTypeNowhere(FxRobot robot) {
        fieldWith(robot, "", 0);
        robot.interact(() -> keyboard.setTarget(null));

        tap(robot, "a", "Delete", "Done");

        assertEquals("", field.getText());
        assertEquals(1, done, "Done still answers without a field");
    }

    @Test
    void theKeyboardAndItsKeysNeverTakeTheFocus(FxRobot robot) {
        assertFalse(keyboard.isFocusTraversable());
        for (Button each : robot.lookup(".key").queryAllAs(Button.class)) {
            assertFalse(each.isFocusTraversable(), each.getText());
        }
    }
}
