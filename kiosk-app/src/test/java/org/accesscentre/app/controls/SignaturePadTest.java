package org.accesscentre.app.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.accesscentre.core.answer.Stroke;
import org.accesscentre.core.catalogue.AnswerLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Signing with a finger: a drag is one stroke in canvas units, inside the drawing box; Clear rubs it out. */
@ExtendWith(ApplicationExtension.class)
class SignaturePadTest {
    /** The drawing box is three times as wide as high, so y runs over the top third of the canvas units. */
    private static final int BOX_HEIGHT_UNITS = (int) (AnswerLimits.SIGNATURE_CANVAS / SignaturePad.ASPECT_RATIO);

    private SignaturePad pad;

    @Start
    void start(Stage stage) {
        pad = new SignaturePad();
        StackPane root = new StackPane(pad);
        // Room round the pad, so a finger can run off the box and still be on the screen.
        root.setPadding(new Insets(60));
        stage.setScene(Fx.scene(root, 800, 480));
        stage.show();
    }

    private Node surface(FxRobot robot) {
        return robot.lookup(".signature-surface").query();
    }

    /** A stroke left to right across the middle of the box, through {@code points} points. */
    private void scribble(FxRobot robot, int points) {
        Node surface = surface(robot);
        List<Point2D> path = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            double f = 0.1 + 0.8 * i / (points - 1);
            path.add(Fx.at(surface, f, 0.3 + 0.2 * Math.sin(f * 10)));
        }
        Fx.drag(robot, path.toArray(Point2D[]::new));
    }

    @Test
    void aDragMakesOneStrokeOfSeveralPointsInsideTheBox(FxRobot robot) {
        scribble(robot, 8);

        assertEquals(1, pad.getStrokes().size());
        Stroke stroke = pad.getStrokes().getFirst();
        assertTrue(stroke.size() >= 5, stroke.size() + " points");
        for (int i = 0; i < stroke.size(); i++) {
            assertTrue(stroke.x(i) >= 0 && stroke.x(i) <= AnswerLimits.SIGNATURE_CANVAS, "x " + stroke.x(i));
            assertTrue(stroke.y(i) >= 0 && stroke.y(i) <= BOX_HEIGHT_UNITS, "y " + stroke.y(i));
            if (i > 0) {
                assertTrue(stroke.x(i) > stroke.x(i - 1), "the stroke runs left to right as the finger did");
            }
        }
    }

    @Test
    void pointsAreInCanvasUnitsWhereTheFingerWas(FxRobot robot) {
        Node surface = surface(robot);

        Fx.drag(robot, Fx.at(surface, 0.25, 0.5), Fx.at(surface, 0.5, 0.25), Fx.at(surface, 0.75, 0.75));

        Stroke stroke = pad.getStrokes().getFirst();
        assertEquals(3, stroke.size());
        assertNear(250, BOX_HEIGHT_UNITS / 2, stroke, 0);
        assertNear(500, BOX_HEIGHT_UNITS / 4, stroke, 1);
        assertNear(750, BOX_HEIGHT_UNITS * 3 / 4, stroke, 2);
    }

    private static void assertNear(int x, int y, Stroke stroke, int point) {
        String where = "point " + point + " at " + stroke.x(point) + "," + stroke.y(point);
        assertTrue(Math.abs(stroke.x(point) - x) <= 3, where);
        assertTrue(Math.abs(stroke.y(point) - y) <= 3, where);
    }

    @Test
    void aFingerThatRunsOffTheBoxDrawsAlongItsEdge(FxRobot robot) {
        Node surface = surface(robot);

        // Down past the bottom of the box (towards the Clear button), then out past its right edge.
        Fx.drag(robot, Fx.at(surface, 0.8, 0.5), Fx.at(surface, 0.9, 1.15), Fx.at(surface, 1.05, 0.5));

        Stroke stroke = pad.getStrokes().getFirst();
        assertEquals(3, stroke.size());
        assertEquals(BOX_HEIGHT_UNITS, stroke.y(1), "below the box is the bottom edge");
        assertEquals(AnswerLimits.SIGNATURE_CANVAS, stroke.x(2), "right of the box is the right edge");
    }

    @Test
    void eachDragIsAStrokeAndATapIsADot(FxRobot robot) {
        scribble(robot, 5);
        Fx.tapAt(robot, Fx.at(surface(robot), 0.5, 0.5));

        assertEquals(2, pad.getStrokes().size());
        assertEquals(1, pad.getStrokes().get(1).size());
    }

    @Test
    void clearEmptiesTheSignatureAndTheInk(FxRobot robot) {
        assertEquals(0, inkedPixels(robot));
        scribble(robot, 6);
        scribble(robot, 6);
        assertEquals(2, pad.getStrokes().size());
        assertTrue(inkedPixels(robot) > 100, "the strokes are drawn");

        Fx.tap(robot, Fx.labeled(robot, "signature-clear", "Clear", Button.class));

        assertEquals(List.of(), pad.getStrokes());
        assertEquals(0, inkedPixels(robot));
    }

    @Test
    void aSignatureGivenBeforeIsDrawn(FxRobot robot) {
        robot.interact(() -> pad.getStrokes().setAll(new Stroke(new int[] {100, 100, 900, 200})));

        assertTrue(inkedPixels(robot) > 100);
    }

    @Test
    void noStrokeIsAddedOnceTheSignatureHasItsMostStrokes(FxRobot robot) {
        robot.interact(() -> {
            for (int i = 0; i < AnswerLimits.MAX_STROKES; i++) {
                pad.getStrokes().add(new Stroke(new int[] {i, i}));
            }
        });

        scribble(robot, 5);

        assertEquals(AnswerLimits.MAX_STROKES, pad.getStrokes().size());
    }

    private int inkedPixels(FxRobot robot) {
        Canvas canvas = robot.lookup((Node n) -> n instanceof Canvas).queryAs(Canvas.class);
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> image.set(canvas.snapshot(null, null)));
        PixelReader pixels = image.get().getPixelReader();
        int inked = 0;
        for (int y = 0; y < (int) image.get().getHeight(); y++) {
            for (int x = 0; x < (int) image.get().getWidth(); x++) {
                if (pixels.getColor(x, y).getBrightness() < 0.5) {
                    inked++;
                }
            }
        }
        return inked;
    }
}
