package org.accesscentre.app.device;

import java.util.Objects;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.util.Duration;
import org.accesscentre.app.device.LightState.Color;

/**
 * The kiosk's hardware on a desktop: a button that presses the mock help button, and the three status
 * lights and the buzzer as lamps with their state in words ("Online: on"), never colour alone. It reads the
 * mock's pins a few times a second while it is in a scene, and stops when it leaves one or on
 * {@link #dispose()}, so it holds no timer after it is gone.
 */
public final class HardwarePanel extends VBox {
    /** Fast enough that a short buzz shows; slow enough to cost nothing. */
    static final Duration POLL = Duration.millis(100);

    private static final PseudoClass ON = PseudoClass.getPseudoClass("on");

    private final MockKioskHardware mock;
    private final Timeline poll;
    private final Lamp online = new Lamp("Online", "green");
    private final Lamp waiting = new Lamp("Waiting", "amber");
    private final Lamp fault = new Lamp("Fault", "red");
    private final Lamp buzzer = new Lamp("Buzzer", "buzzer", "sounding", "quiet");
    private final ChangeListener<Scene> sceneListener = (obs, was, now) -> followScene(now);
    private boolean disposed;

    public HardwarePanel(MockKioskHardware mock) {
        this.mock = Objects.requireNonNull(mock, "mock");
        getStyleClass().add("hardware-panel");
        getStylesheets()
                .add(Objects.requireNonNull(HardwarePanel.class.getResource("hardware.css"), "hardware.css")
                        .toExternalForm());

        Label title = new Label("Kiosk hardware (simulated)");
        title.getStyleClass().add("title");
        Button help = new Button("Help button");
        help.setId("hardware-help");
        help.setOnAction(e -> mock.pressHelp());
        help.setDisable(!mock.hasHelpButton());
        getChildren().addAll(title, help, online.row, waiting.row, fault.row, buzzer.row);

        poll = new Timeline(new KeyFrame(POLL, e -> refresh()));
        poll.setCycleCount(Animation.INDEFINITE);
        sceneProperty().addListener(sceneListener);
        refresh();
        followScene(getScene());
    }

    /** Reads the pins now and updates the lamps; the timeline calls this while the panel is shown. */
    public void refresh() {
        online.set(mock.led(Color.GREEN));
        waiting.set(mock.led(Color.AMBER));
        fault.set(mock.led(Color.RED));
        buzzer.set(mock.buzzing());
    }

    /** Stops reading the pins for good. The mock is the caller's to close. */
    public void dispose() {
        disposed = true;
        poll.stop();
        sceneProperty().removeListener(sceneListener);
    }

    /** Whether the panel is reading the pins now: only while it is in a scene and not disposed. */
    public boolean polling() {
        return poll.getStatus() == Animation.Status.RUNNING;
    }

    private void followScene(Scene scene) {
        if (scene != null && !disposed) {
            poll.play();
        } else {
            poll.stop();
        }
    }

    /** A lamp and its words. */
    private static final class Lamp {
        final HBox row;
        final Circle lamp = new Circle(12);
        final Label words = new Label();
        final String name;
        final String on;
        final String off;

        Lamp(String name, String colour) {
            this(name, colour, "on", "off");
        }

        Lamp(String name, String colour, String on, String off) {
            this.name = name;
            this.on = on;
            this.off = off;
            lamp.getStyleClass().addAll("lamp", colour);
            words.setId("hardware-" + colour);
            row = new HBox(lamp, words);
            row.getStyleClass().add("indicator");
            set(false);
        }

        void set(boolean lit) {
            lamp.pseudoClassStateChanged(ON, lit);
            words.setText(name + ": " + (lit ? on : off));
        }
    }
}
