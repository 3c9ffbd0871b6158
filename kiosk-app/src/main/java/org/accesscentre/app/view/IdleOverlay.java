package org.accesscentre.app.view;

import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.accesscentre.app.controls.Countdown;
import org.accesscentre.app.flow.IdleWatch;
import org.accesscentre.app.flow.ShellViewModel;

/** "Are you still there?" over everything, with the countdown and "I need more time" (WCAG 2.2.1). */
final class IdleOverlay {
    private IdleOverlay() {}

    static Node of(ShellViewModel shell) {
        IdleWatch idle = shell.idle();
        Label heading = Ui.heading(shell.text("idle.heading"));
        Label body = Ui.paragraph(Bindings.createStringBinding(
                () -> shell.strings()
                        .get(
                                "idle.body",
                                Map.of(
                                        "seconds",
                                        "" + idle.secondsLeftProperty().get())),
                idle.secondsLeftProperty(),
                shell.stringsProperty()));
        Countdown countdown = new Countdown();
        countdown.secondsLeftProperty().bind(idle.secondsLeftProperty());
        countdown.setTotalSeconds(idle.totalWarningSeconds());
        Button more = Ui.primary("", "");
        more.textProperty().bind(shell.text("idle.more"));
        more.setId("more-time");
        more.setOnAction(e -> idle.moreTime());
        Button finish = Ui.button("", "close", "secondary");
        finish.textProperty().bind(shell.text("idle.finish"));
        finish.setId("finish-now");
        finish.setOnAction(e -> shell.finish());
        HBox buttons = new HBox(finish, more);
        buttons.getStyleClass().add("dialog-buttons");
        VBox dialog = new VBox(heading, countdown, body, buttons);
        dialog.getStyleClass().add("dialog");
        dialog.setAlignment(Pos.CENTER);
        dialog.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        StackPane scrim = new StackPane(dialog);
        scrim.getStyleClass().add("scrim");
        scrim.setId("idle-warning");
        scrim.visibleProperty().bind(idle.warningProperty());
        return scrim;
    }
}
