package org.accesscentre.app.controls;

import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Arc;
import javafx.scene.shape.ArcType;

/**
 * A full ring (the track) under an arc that shrinks clockwise from the top as time runs out, with the number
 * and its unit in the middle. The arcs are shapes, so their colours and widths come from the stylesheet.
 */
final class CountdownSkin extends SkinBase<Countdown> {
    private final Arc track = ring("countdown-track");
    private final Arc left = ring("countdown-left");
    private final Label number = new Label();
    private final VBox middle;

    CountdownSkin(Countdown countdown) {
        super(countdown);
        number.getStyleClass().add("countdown-seconds");
        number.textProperty().bind(countdown.secondsLeftProperty().asString());
        Label unit = new Label();
        unit.getStyleClass().add("countdown-unit");
        unit.textProperty().bind(countdown.secondsTextProperty());
        middle = new VBox(number, unit);
        middle.getStyleClass().add("countdown-middle");
        getChildren().addAll(track, left, middle);
        registerChangeListener(countdown.secondsLeftProperty(), o -> showFraction());
        registerChangeListener(countdown.totalSecondsProperty(), o -> showFraction());
        showFraction();
    }

    private static Arc ring(String styleClass) {
        Arc arc = new Arc();
        arc.getStyleClass().add(styleClass);
        arc.setType(ArcType.OPEN);
        arc.setStartAngle(90);
        // Sized in layoutChildren from the control's size; kept out of the preferred-size sums.
        arc.setManaged(false);
        return arc;
    }

    private void showFraction() {
        track.setLength(360);
        left.setLength(-360 * getSkinnable().fractionLeft());
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        double radius = Math.max(0, Math.min(w, h) / 2 - track.getStrokeWidth() / 2);
        for (Arc arc : new Arc[] {track, left}) {
            arc.setCenterX(x + w / 2);
            arc.setCenterY(y + h / 2);
            arc.setRadiusX(radius);
            arc.setRadiusY(radius);
        }
        layoutInArea(middle, x, y, w, h, 0, HPos.CENTER, VPos.CENTER);
    }
}
