package org.accesscentre.app.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A date typed on the numeric keyboard into whichever box has the focus, as the kiosk docks it, and stepped
 * with the − and + beside each box.
 */
@ExtendWith(ApplicationExtension.class)
class DateEntryTest {
    private static final List<String> MONTHS = List.of(
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December");

    private DateEntry entry;
    private OnScreenKeyboard keyboard;

    @Start
    void start(Stage stage) {
        entry = new DateEntry();
        entry.setStartYear(1985);
        entry.monthNamesProperty().setAll(MONTHS);
        keyboard = new OnScreenKeyboard(KeyboardLayout.NUMERIC);
        keyboard.targetProperty().bind(entry.focusedFieldProperty());
        stage.setScene(Fx.scene(new VBox(entry, keyboard), 800, 480));
        stage.show();
    }

    private TextField field(FxRobot robot, String part) {
        return robot.lookup(".date-" + part + " .date-field").queryAs(TextField.class);
    }

    private void step(FxRobot robot, String part, String which, int taps) {
        Button stepper = robot.lookup(".date-" + part + " .date-" + which).queryAs(Button.class);
        for (int i = 0; i < taps; i++) {
            Fx.tap(robot, stepper);
        }
    }

    /**
     * Taps the box, then the digits on the keyboard. Where a tap leaves the caret is the text field's business,
     * so the caret is put at the end, after what is already there.
     */
    private void type(FxRobot robot, String part, String digits) {
        TextField field = field(robot, part);
        Fx.tap(robot, field);
        robot.interact(field::end);
        for (char digit : digits.toCharArray()) {
            Fx.tap(robot, Fx.labeled(robot, "key", String.valueOf(digit), Button.class));
        }
    }

    private String monthName(FxRobot robot) {
        return robot.lookup(".date-month-name").queryAs(Label.class).getText();
    }

    @Test
    void typingFillsThePartsAndMakesTheDate(FxRobot robot) {
        type(robot, "day", "15");
        assertSame(field(robot, "day"), entry.getFocusedField(), "the keyboard follows the focused box");
        type(robot, "month", "03");
        assertNull(entry.getValue(), "no year yet");
        type(robot, "year", "1980");

        assertEquals("15", entry.getDayText());
        assertEquals("03", entry.getMonthText());
        assertEquals("1980", entry.getYearText());
        assertEquals(LocalDate.of(1980, 3, 15), entry.getValue());
        assertEquals("March", monthName(robot));
    }

    @Test
    void aBoxTakesNoMoreDigitsThanItsPartHas(FxRobot robot) {
        type(robot, "day", "123");
        type(robot, "year", "198012");

        assertEquals("12", entry.getDayText());
        assertEquals("1980", entry.getYearText());
    }

    @Test
    void aBoxTakesOnlyDigits(FxRobot robot) {
        type(robot, "day", "1");
        robot.interact(() -> keyboard.setLayout(KeyboardLayout.ALPHABETIC));
        Fx.tap(robot, Fx.labeled(robot, "key", "a", Button.class));
        Fx.tap(robot, Fx.labeled(robot, "key", "Space", Button.class));

        assertEquals("1", entry.getDayText());
    }

    @Test
    void aDateThatDoesNotExistHasNoValue(FxRobot robot) {
        type(robot, "day", "31");
        type(robot, "month", "2");
        type(robot, "year", "2024");
        assertNull(entry.getValue(), "31 February");

        type(robot, "day", "");
        Fx.tap(robot, Fx.labeled(robot, "key", "Delete", Button.class));
        Fx.tap(robot, Fx.labeled(robot, "key", "Delete", Button.class));
        type(robot, "day", "29");
        assertEquals(LocalDate.of(2024, 2, 29), entry.getValue(), "a leap day");
    }

    @Test
    void aTwoDigitYearIsNotEnough(FxRobot robot) {
        type(robot, "day", "1");
        type(robot, "month", "1");
        type(robot, "year", "85");

        assertNull(entry.getValue());
    }

    @Test
    void steppersStartAnEmptyDayAtEitherEndAndWrapRound(FxRobot robot) {
        step(robot, "day", "increment", 1);
        assertEquals("1", entry.getDayText());
        step(robot, "day", "decrement", 1);
        assertEquals("31", entry.getDayText(), "one before the 1st wraps to the 31st");
        step(robot, "day", "increment", 1);
        assertEquals("1", entry.getDayText(), "one after the 31st wraps to the 1st");

        robot.interact(() -> entry.setDayText(""));
        step(robot, "day", "decrement", 1);
        assertEquals("31", entry.getDayText());
    }

    @Test
    void theDayStepperWrapsAtTheEndOfTheMonthChosen(FxRobot robot) {
        robot.interact(() -> {
            entry.setMonthText("2");
            entry.setYearText("2023");
            entry.setDayText("27");
        });
        step(robot, "day", "increment", 1);
        assertEquals("28", entry.getDayText());
        step(robot, "day", "increment", 1);
        assertEquals("1", entry.getDayText(), "2023 has no 29 February");
        step(robot, "day", "decrement", 1);
        assertEquals("28", entry.getDayText());
        assertEquals(java.time.LocalDate.of(2023, 2, 28), entry.getValue());

        robot.interact(() -> entry.setYearText("2024"));
        step(robot, "day", "increment", 1);
        assertEquals("29", entry.getDayText(), "2024 has");
        robot.interact(() -> {
            entry.setYearText("");
            entry.setMonthText("4");
            entry.setDayText("");
        });
        step(robot, "day", "decrement", 1);
        assertEquals("30", entry.getDayText(), "April has 30 days");
        robot.interact(() -> {
            entry.setMonthText("2");
            entry.setDayText("29");
        });
        step(robot, "day", "increment", 1);
        assertEquals("1", entry.getDayText(), "no year yet: February may have 29 days, not more");
    }

    @Test
    void monthSteppersWrapAndShowTheMonthName(FxRobot robot) {
        assertEquals("", monthName(robot));
        step(robot, "month", "decrement", 1);
        assertEquals("12", entry.getMonthText());
        assertEquals("December", monthName(robot));

        step(robot, "month", "increment", 2);
        assertEquals("2", entry.getMonthText());
        assertEquals("February", monthName(robot));
    }

    @Test
    void theYearStepperStartsAtTheStartYearAndStopsAtTheEnds(FxRobot robot) {
        step(robot, "year", "decrement", 1);
        assertEquals("1985", entry.getYearText(), "an empty year starts from the start year either way");
        step(robot, "year", "decrement", 2);
        assertEquals("1983", entry.getYearText());

        robot.interact(() -> entry.setYearText("9999"));
        step(robot, "year", "increment", 1);
        assertEquals("9999", entry.getYearText(), "the year does not wrap round to year 1");
    }

    @Test
    void steppersLeaveTheFocusInTheBoxTheKeyboardTypesInto(FxRobot robot) {
        type(robot, "month", "");
        TextField month = field(robot, "month");

        step(robot, "month", "increment", 3);
        step(robot, "day", "increment", 1);

        assertTrue(month.isFocused(), "a stepper took the focus");
        assertSame(month, entry.getFocusedField());
        assertEquals(1, month.getCaretPosition(), "the caret is after the stepped number");
        Fx.tap(robot, Fx.labeled(robot, "key", "Delete", Button.class));
        assertEquals("", entry.getMonthText(), "the keyboard still types into the month");
        assertEquals("1", entry.getDayText());

        Fx.tap(robot, Fx.labeled(robot, "key", "1", Button.class));
        step(robot, "month", "increment", 1);
        Fx.tap(robot, Fx.labeled(robot, "key", "0", Button.class));
        assertEquals("20", entry.getMonthText(), "a digit typed after a step goes after the number");
    }

    @Test
    void steppedPartsMakeADate(FxRobot robot) {
        step(robot, "day", "increment", 2);
        step(robot, "month", "increment", 4);
        step(robot, "year", "increment", 1);

        assertEquals(LocalDate.of(1985, 4, 2), entry.getValue());
        assertEquals("April", monthName(robot));
    }

    @Test
    void aMonthOutOfRangeShowsNoName(FxRobot robot) {
        type(robot, "month", "13");
        assertEquals("", monthName(robot));
        robot.interact(() -> entry.setMonthText("0"));
        assertEquals("", monthName(robot));
        robot.interact(() -> entry.setMonthText("11"));
        assertEquals("November", monthName(robot));
    }

    @Test
    void theOrderPutsTheMonthFirstForMonthDayYear(FxRobot robot) {
        assertTrue(leftOf(robot, "day") < leftOf(robot, "month"));
        assertTrue(leftOf(robot, "month") < leftOf(robot, "year"));

        robot.interact(() -> entry.setOrder(DateEntry.Order.MDY));

        assertTrue(leftOf(robot, "month") < leftOf(robot, "day"));
        assertTrue(leftOf(robot, "day") < leftOf(robot, "year"));
    }

    @Test
    void theFocusLeavingTheBoxesClearsTheFocusedField(FxRobot robot) {
        type(robot, "year", "");
        assertSame(field(robot, "year"), entry.getFocusedField());

        robot.interact(() -> entry.getScene().getRoot().requestFocus());

        assertNull(entry.getFocusedField());
    }

    private static double leftOf(FxRobot robot, String part) {
        Node box = robot.lookup(".date-" + part).query();
        return box.localToScene(box.getBoundsInLocal()).getMinX();
    }
}
