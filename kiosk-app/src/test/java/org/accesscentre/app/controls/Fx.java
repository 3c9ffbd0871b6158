package org.accesscentre.app.controls;

import java.util.List;
import java.util.Objects;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.input.MouseButton;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

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

    /**
     * A finger's tap on the middle of {@code node}: the pointer jumps there (a finger does not glide, and
     * TestFX's gliding moves cost a quarter of a second a tap), then presses and lifts. The events go through
     * the glass robot and JavaFX's own hit testing, as a real touch's synthesised mouse events do.
     */
    static void tap(FxRobot robot, Node node) {
        tapAt(robot, robot.point(node).query());
    }

    /** A tap at a point on the screen. */
    static void tapAt(FxRobot robot, Point2D screen) {
        var mouse = robot.robotContext().getMouseRobot();
        // The three go to the toolkit in order; one wait at the end lets them all play out.
        mouse.moveNoWait(screen);
        mouse.pressNoWait(MouseButton.PRIMARY);
        mouse.releaseNoWait(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A finger put down at the first point, moved through the others in turn, and lifted at the last. */
    static void drag(FxRobot robot, Point2D... screenPoints) {
        var mouse = robot.robotContext().getMouseRobot();
        mouse.move(screenPoints[0]);
        mouse.press(MouseButton.PRIMARY);
        for (int i = 1; i < screenPoints.length; i++) {
            mouse.move(screenPoints[i]);
        }
        mouse.release(MouseButton.PRIMARY);
    }

    /** The screen point at fractions {@code fx}, {@code fy} of the node's width and height from its top left. */
    static Point2D at(Node node, double fx, double fy) {
        Bounds b = node.localToScreen(node.getBoundsInLocal());
        return new Point2D(b.getMinX() + fx * b.getWidth(), b.getMinY() + fy * b.getHeight());
    }
}
