package org.accesscentre.app.controls;

import java.time.DateTimeException;
import java.time.LocalDate;
import javafx.beans.Observable;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ListProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleListProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import javafx.scene.control.TextInputControl;
import org.jspecify.annotations.Nullable;

/**
 * A date as three boxes, day, month and year, each a big field with − and + beside it: no calendar pop-up,
 * whose tiny cells and paging defeat people new to touch screens (GOV.UK's date input pattern). The texts are
 * exactly what the citizen typed or stepped; {@link #valueProperty() value} is the date they make, or null
 * while it is incomplete or impossible (31 February), so the view model can say what to fix.
 *
 * <p>Style class {@code date-entry}.
 */
public final class DateEntry extends Control {
    /** The order of the boxes, as the citizen's country writes dates. */
    public enum Order {
        DMY,
        MDY
    }

    /** One of the three boxes. */
    enum Part {
        DAY(1, 31, 2),
        MONTH(1, 12, 2),
        YEAR(1, 9999, 4);

        final int min;
        final int max;
        final int digits;

        Part(int min, int max, int digits) {
            this.min = min;
            this.max = max;
            this.digits = digits;
        }
    }

    private final StringProperty dayText = new SimpleStringProperty(this, "dayText", "");
    private final StringProperty monthText = new SimpleStringProperty(this, "monthText", "");
    private final StringProperty yearText = new SimpleStringProperty(this, "yearText", "");
    private final ReadOnlyObjectWrapper<@Nullable LocalDate> value = new ReadOnlyObjectWrapper<>(this, "value");
    private final ObjectProperty<Order> order = new SimpleObjectProperty<>(this, "order", Order.DMY);
    private final IntegerProperty startYear = new SimpleIntegerProperty(this, "startYear", 2000);
    private final ListProperty<String> monthNames =
            new SimpleListProperty<>(this, "monthNames", FXCollections.observableArrayList());
    private final StringProperty dayLabel = new SimpleStringProperty(this, "dayLabel", "Day");
    private final StringProperty monthLabel = new SimpleStringProperty(this, "monthLabel", "Month");
    private final StringProperty yearLabel = new SimpleStringProperty(this, "yearLabel", "Year");
    private final ReadOnlyObjectWrapper<@Nullable TextInputControl> focusedField =
            new ReadOnlyObjectWrapper<>(this, "focusedField");

    public DateEntry() {
        getStyleClass().add("date-entry");
        // The fields take the focus, not the box around them; the skin passes it on.
        setFocusTraversable(false);
        dayText.addListener(this::updateValue);
        monthText.addListener(this::updateValue);
        yearText.addListener(this::updateValue);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new DateEntrySkin(this);
    }

    /** The boxes wrap onto more lines when the text is large and the screen narrow, so height follows width. */
    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    private void updateValue(Observable ignored) {
        value.set(dateOf(getDayText(), getMonthText(), getYearText()));
    }

    /** The date, or null if a part is missing, not a number, or the date does not exist. */
    static @Nullable LocalDate dateOf(String day, String month, String year) {
        // A two-digit year is ambiguous (1925 or 2025?), so a year needs all four digits.
        if (!year.strip().matches("\\d{4}")) {
            return null;
        }
        try {
            return LocalDate.of(
                    Integer.parseInt(year.strip()), Integer.parseInt(month.strip()), Integer.parseInt(day.strip()));
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }

    /**
     * Steps one box by {@code delta}; day and month wrap round, the year starts from {@link #startYearProperty()}.
     * The day wraps at the end of the month chosen (the 28th or 29th of February, the 30th of April), so the
     * stepper never offers a day that does not exist; a typed one is the citizen's and stays as typed.
     */
    void step(Part part, int delta) {
        StringProperty text = text(part);
        int max = part == Part.DAY ? daysIn(getMonthText(), getYearText()) : part.max;
        text.set(Integer.toString(stepped(part, text.get(), delta, getStartYear(), max)));
    }

    /** The days in the month typed, in the year typed; a leap year's if the year is not there yet; 31 if neither. */
    static int daysIn(String month, String year) {
        int m;
        try {
            m = Integer.parseInt(month.strip());
        } catch (NumberFormatException e) {
            return Part.DAY.max;
        }
        if (m < Part.MONTH.min || m > Part.MONTH.max) {
            return Part.DAY.max;
        }
        int y = year.strip().matches("\\d{4}") ? Integer.parseInt(year.strip()) : 2000;
        return java.time.YearMonth.of(Math.max(1, y), m).lengthOfMonth();
    }

    static int stepped(Part part, String text, int delta, int startYear, int max) {
        int current;
        try {
            current = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            // An empty box starts where a tap is most likely meant: the first or last day or month, or the start year.
            if (part == Part.YEAR) {
                return Math.clamp(startYear, part.min, part.max);
            }
            return delta > 0 ? part.min : max;
        }
        int next = current + delta;
        if (part == Part.YEAR) {
            return Math.clamp(next, part.min, part.max);
        }
        if (next > max) {
            return part.min;
        }
        return next < part.min ? max : next;
    }

    StringProperty text(Part part) {
        return switch (part) {
            case DAY -> dayText;
            case MONTH -> monthText;
            case YEAR -> yearText;
        };
    }

    StringProperty label(Part part) {
        return switch (part) {
            case DAY -> dayLabel;
            case MONTH -> monthLabel;
            case YEAR -> yearLabel;
        };
    }

    void setFocusedField(@Nullable TextInputControl field) {
        focusedField.set(field);
    }

    public StringProperty dayTextProperty() {
        return dayText;
    }

    public String getDayText() {
        return dayText.get();
    }

    public void setDayText(String value) {
        dayText.set(value);
    }

    public StringProperty monthTextProperty() {
        return monthText;
    }

    public String getMonthText() {
        return monthText.get();
    }

    public void setMonthText(String value) {
        monthText.set(value);
    }

    public StringProperty yearTextProperty() {
        return yearText;
    }

    public String getYearText() {
        return yearText.get();
    }

    public void setYearText(String value) {
        yearText.set(value);
    }

    /** The date the three boxes make, or null while it is incomplete or does not exist. */
    public ReadOnlyObjectProperty<@Nullable LocalDate> valueProperty() {
        return value.getReadOnlyProperty();
    }

    public @Nullable LocalDate getValue() {
        return value.get();
    }

    public ObjectProperty<Order> orderProperty() {
        return order;
    }

    public Order getOrder() {
        return order.get();
    }

    public void setOrder(Order value) {
        order.set(value);
    }

    /**
     * Where the year stepper starts from an empty box: this year for an appointment, a typical birth year for a
     * date of birth. The app sets it from its clock; the control reads none.
     */
    public IntegerProperty startYearProperty() {
        return startYear;
    }

    public int getStartYear() {
        return startYear.get();
    }

    public void setStartYear(int value) {
        startYear.set(value);
    }

    /**
     * The twelve month names in the citizen's language, January first. When set, the month box shows the name
     * of the month typed, so "3" reads back as "March"; empty shows no name.
     */
    public ListProperty<String> monthNamesProperty() {
        return monthNames;
    }

    public StringProperty dayLabelProperty() {
        return dayLabel;
    }

    public StringProperty monthLabelProperty() {
        return monthLabel;
    }

    public StringProperty yearLabelProperty() {
        return yearLabel;
    }

    /**
     * The day, month or year field that has the focus, or null when none has: bind the on-screen keyboard's
     * target to it.
     */
    public ReadOnlyObjectProperty<@Nullable TextInputControl> focusedFieldProperty() {
        return focusedField.getReadOnlyProperty();
    }

    public @Nullable TextInputControl getFocusedField() {
        return focusedField.get();
    }
}
