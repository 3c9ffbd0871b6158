package org.accesscentre.app.view;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.accesscentre.app.desk.Desk;
import org.accesscentre.app.desk.DeskViewModel;
import org.accesscentre.app.desk.TimedSession;
import org.accesscentre.app.flow.ShellViewModel;

/** What the citizen sees of the attendant's side: the session's warnings, "Out of service", the hidden corner. */
final class DeskOverlays {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private DeskOverlays() {}

    /** "Your session ends soon", once at each warning step, over everything, until OK. */
    static Node sessionWarning(ShellViewModel shell, DeskViewModel vm) {
        Desk desk = vm.desk();
        Label heading = Ui.heading(shell.text("session.warning.heading"));
        Label body = Ui.paragraph(Bindings.createStringBinding(
                () -> {
                    TimedSession.Tick.Warning w = desk.warningProperty().get();
                    if (w == null) {
                        return "";
                    }
                    String minutes = Long.toString(Math.max(1, (w.left().toSeconds() + 59) / 60));
                    TimedSession s = desk.sessionProperty().get();
                    String closes = s == null
                            ? ""
                            : LocalTime.ofInstant(s.ends(), vm.zone()).format(TIME);
                    return w.closing()
                            ? shell.strings().get("session.warning.closing", Map.of("time", closes, "minutes", minutes))
                            : shell.strings().get("session.warning.body", "minutes", minutes);
                },
                desk.warningProperty(),
                shell.stringsProperty()));
        body.setId("session-warning-text");
        Button ok = Ui.primary("", "check");
        ok.textProperty().bind(shell.text("session.warning.ok"));
        ok.setId("session-warning-ok");
        ok.setOnAction(e -> desk.dismissWarning());
        VBox dialog = new VBox(heading, body, ok);
        dialog.getStyleClass().add("dialog");
        dialog.setAlignment(Pos.CENTER);
        dialog.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane scrim = new StackPane(dialog);
        scrim.getStyleClass().add("scrim");
        scrim.setId("session-warning");
        scrim.visibleProperty().bind(desk.warningProperty().isNotNull());
        return scrim;
    }

    /** The kiosk is locked (by the attendant or the ICT office): nothing but this, and the attendant's corner. */
    static Node outOfService(ShellViewModel shell, DeskViewModel vm) {
        Label heading = Ui.heading(shell.text("locked.heading"));
        heading.getStyleClass().add("welcome-heading");
        Label body = Ui.paragraph(shell.text("locked.body"));
        VBox box = new VBox(heading, body);
        box.getStyleClass().add("out-of-service");
        box.setAlignment(Pos.CENTER);
        StackPane pane = new StackPane(box);
        pane.getStyleClass().add("out-of-service-pane");
        pane.setId("out-of-service");
        pane.visibleProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> vm.desk().maintenance().lockProperty().get().locked(),
                        vm.desk().maintenance().lockProperty()));
        return pane;
    }

    /**
     * The attendant's way in: an invisible square in the top-left corner; five taps within four seconds open
     * attendant mode. Citizens have no reason to tap there five times.
     */
    static Node corner(DeskViewModel vm) {
        Region corner = new Region();
        corner.setId("attendant-corner");
        corner.getStyleClass().add("attendant-corner");
        corner.setPickOnBounds(true);
        corner.setOnMousePressed(e -> {
            vm.cornerTapped();
            e.consume();
        });
        StackPane.setAlignment(corner, Pos.TOP_LEFT);
        corner.setMaxSize(64, 64);
        corner.setMinSize(64, 64);
        return corner;
    }

    /** "Marie is filling in for you" and "Hand back", under the top bar while an attendant assists. */
    static Node assistBanner(ShellViewModel shell) {
        Label who = Ui.paragraph(Bindings.createStringBinding(
                () -> shell.strings()
                        .get("assist.banner", "name", shell.assistingProperty().get()),
                shell.assistingProperty(),
                shell.stringsProperty()));
        Button back = Ui.button("", "back", "secondary");
        back.textProperty().bind(shell.text("assist.handBack"));
        back.setId("hand-back");
        back.setOnAction(e -> shell.handBack());
        HBox banner = new HBox(who, Ui.grow(), back);
        banner.getStyleClass().add("assist-banner");
        banner.setId("assist-banner");
        banner.visibleProperty().bind(shell.assistingProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }
}
