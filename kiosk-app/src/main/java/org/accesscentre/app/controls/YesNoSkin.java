package org.accesscentre.app.controls;

import java.util.Objects;
import javafx.scene.control.SkinBase;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** Two radio tiles side by side, each half the width, yes first as people read it. */
final class YesNoSkin extends SkinBase<YesNo> {
    private final ChoiceTile yes = new ChoiceTile(false);
    private final ChoiceTile no = new ChoiceTile(false);

    YesNoSkin(YesNo control) {
        super(control);
        yes.getStyleClass().add("yes-tile");
        no.getStyleClass().add("no-tile");
        yes.textProperty().bind(control.yesTextProperty());
        no.textProperty().bind(control.noTextProperty());
        yes.setOnAction(e -> answer(true));
        no.setOnAction(e -> answer(false));
        HBox.setHgrow(yes, Priority.ALWAYS);
        HBox.setHgrow(no, Priority.ALWAYS);
        HBox row = new HBox(yes, no);
        row.getStyleClass().add("yes-no-row");
        getChildren().add(row);
        registerChangeListener(control.valueProperty(), o -> showValue());
        showValue();
    }

    private void answer(boolean value) {
        getSkinnable().setValue(value);
        // A second tap on the chosen tile flipped the toggle off; the value says it is still chosen.
        showValue();
    }

    private void showValue() {
        Boolean value = getSkinnable().getValue();
        yes.setSelected(Objects.equals(value, Boolean.TRUE));
        no.setSelected(Objects.equals(value, Boolean.FALSE));
    }

    @Override
    public void dispose() {
        yes.textProperty().unbind();
        no.textProperty().unbind();
        super.dispose();
    }
}
