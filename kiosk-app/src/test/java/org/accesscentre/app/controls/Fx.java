package org.accesscentre.app.controls;

import java.util.List;
import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import org.testfx.api.FxRobot;

/** Scenes styled like the app, and look-ups by style class and text. */
final class Fx {
    static final String STYLESHEET = Objects.requireNonNull(Fx.class.getResource("/org/accesscentre/app/controls.css"))
            .toExternalForm();

    private Fx() {}

    static Scene scene(Parent root, double width, double height) {
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(STYLESHEET);
        return scene;
    }

    /** The visible node with this style class whose text is exactly {@code text}. */
    static <T extends Labeled> T labeled(FxRobot robot, String styleClass, String text, Class<T> type) {
        List<T> found = robot
                .lookup("." + styleClass)
                .match((Node n) -> type.isInstance(n) && n.isVisible() && text.equals(((Labeled) n).getText()))
                .queryAllAs(type)
                .stream()
                .toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " ." + styleClass + " with text \"" + text + "\"");
        }
        return found.getFirst();
    }
}
