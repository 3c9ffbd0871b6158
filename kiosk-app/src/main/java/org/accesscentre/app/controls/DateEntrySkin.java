package org.accesscentre.app.controls;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.accesscentre.app.controls.DateEntry.Part;

/**
 * Three boxes in a {@link FlowPane}, so at the largest text on the small screen the year drops under the day
 * and month instead of being cut off. Each box is a label, a digits-only field between − and +, and for the
 * month the month's name. Steppers never take the focus, so the keyboard keeps typing into the field.
 */
final class DateEntrySkin extends SkinBase<DateEntry> {
    private final FlowPane boxes = new FlowPane();
    private final Map<Part, Node> boxByPart = new EnumMap<>(Part.class);
    private final Map<Part, TextField> fieldByPart = new EnumMap<>(Part.class);

    DateEntrySkin(DateEntry entry) {
        super(entry);
        boxes.getStyleClass().add("date-boxes");
        // Wrap only when the row does not fit; the skin reports one row as its preferred width.
        boxes.setPrefWrapLength(0);
        for (Part part : Part.values()) {
            boxByPart.put(part, box(part));
        }
        getChildren().add(boxes);
        placeBoxes();
        registerChangeListener(entry.orderProperty(), o -> placeBoxes());
        registerChangeListener(entry.focusedProperty(), o -> {
            if (entry.isFocused()) {
                fieldByPart.get(order().getFirst()).requestFocus();
            }
        });
    }

    private List<Part> order() {
        return switch (getSkinnable().getOrder()) {
            case DMY -> List.of(Part.DAY, Part.MONTH, Part.YEAR);
            case MDY -> List.of(Part.MONTH, Part.DAY, Part.YEAR);
        };
    }

    private void placeBoxes() {
        boxes.getChildren().setAll(order().stream().map(boxByPart::get).toList());
    }

    private Node box(Part part) {
        DateEntry entry = getSkinnable();
        String name = part.name().toLowerCase(Locale.ROOT);
        TextField field = new TextField();
        field.getStyleClass().add("date-field");
        field.setPrefColumnCount(part.digits);
        field.setTextFormatter(new TextFormatter<String>(
                change -> change.getControlNewText().matches("\\d{0," + part.digits + "}") ? change : null));
        field.textProperty().bindBidirectional(entry.text(part));
        field.focusedProperty().addListener((o, was, is) -> {
            if (is) {
                entry.setFocusedField(field);
            } else if (entry.getFocusedField() == field) {
                entry.setFocusedField(null);
            }
        });
        fieldByPart.put(part, field);

        Label label = new Label();
        label.getStyleClass().add("date-part-label");
        label.textProperty().bind(entry.label(part));
        label.setLabelFor(field);

        HBox row = new HBox(stepper(part, -1, "−"), field, stepper(part, +1, "+"));
        row.getStyleClass().add("date-stepper-row");
        VBox box = new VBox(label, row);
        box.getStyleClass().addAll("date-part", "date-" + name);
        if (part == Part.MONTH) {
            box.getChildren().add(monthName());
        }
        return box;
    }

    private Button stepper(Part part, int delta, String sign) {
        DateEntry entry = getSkinnable();
        Button button = new Button(sign);
        button.getStyleClass().addAll("date-stepper", delta < 0 ? "date-decrement" : "date-increment");
        // Keep the focus (and the keyboard's target) on the field the citizen is filling.
        button.setFocusTraversable(false);
        button.setMnemonicParsing(false);
        button.accessibleTextProperty().bind(Bindings.concat(entry.label(part), " ", sign));
        button.setOnAction(e -> {
            entry.step(part, delta);
            // Setting the text leaves the caret at its start; put it after the number, so the keyboard's
            // Delete takes off its last digit and a digit typed next goes after it.
            fieldByPart.get(part).end();
        });
        return button;
    }

    private Label monthName() {
        DateEntry entry = getSkinnable();
        Label name = new Label();
        name.getStyleClass().add("date-month-name");
        name.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            List<String> names = entry.monthNamesProperty();
                            try {
                                int month =
                                        Integer.parseInt(entry.getMonthText().strip());
                                return month >= 1 && month <= names.size() ? names.get(month - 1) : "";
                            } catch (NumberFormatException e) {
                                return "";
                            }
                        },
                        entry.monthTextProperty(),
                        entry.monthNamesProperty()));
        return name;
    }

    @Override
    protected double computePrefWidth(
            double height, double topInset, double rightInset, double bottomInset, double leftInset) {
        double width = 0;
        for (Node box : boxes.getChildren()) {
            width += box.prefWidth(-1);
        }
        width += boxes.getHgap() * Math.max(0, boxes.getChildren().size() - 1);
        return leftInset + width + boxes.snappedLeftInset() + boxes.snappedRightInset() + rightInset;
    }

    @Override
    protected double computePrefHeight(
            double width, double topInset, double rightInset, double bottomInset, double leftInset) {
        // Without a width, the boxes stand in one row.
        double inner = width < 0 ? Double.MAX_VALUE : width - leftInset - rightInset;
        return topInset + boxes.prefHeight(inner) + bottomInset;
    }

    /** Takes the width it is given, so the boxes wrap against the real width, not the preferred one. */
    @Override
    protected double computeMaxWidth(
            double height, double topInset, double rightInset, double bottomInset, double leftInset) {
        return Double.MAX_VALUE;
    }
}
