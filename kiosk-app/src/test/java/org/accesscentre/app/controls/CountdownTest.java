package org.accesscentre.app.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Arc;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The countdown shows what the idle timer tells it; it reads no clock, so nothing here waits. */
@ExtendWith(ApplicationExtension.class)
class CountdownTest {
    private static final PseudoClass URGENT = PseudoClass.getPseudoClass("urgent");

    private Countdown countdown;

    @Start
    void start(Stage stage) {
        countdown = new Countdown();
        stage.setScene(Fx.scene(new StackPane(countdown), 800, 480));
        stage.show();
    }

    private String shown(FxRobot robot) {
        return robot.lookup(".countdown-seconds").queryAs(Label.class).getText();
    }

    private double ringLeft(FxRobot robot) {
        return robot.lookup(".countdown-left").queryAs(Arc.class).getLength();
    }

    @Test
    void itStartsFullAtTheTotal(FxRobot robot) {
        assertEquals("30", shown(robot));
        assertEquals(-360, ringLeft(robot), 1e-9);
        assertFalse(countdown.getPseudoClassStates().contains(URGENT));
    }

    @Test
    void theNumberAndTheRingFollowSecondsLeft(FxRobot robot) {
        robot.interact(() -> countdown.setSecondsLeft(17));
        assertEquals("17", shown(robot));

        robot.interact(() -> countdown.setSecondsLeft(15));
        assertEquals("15", shown(robot));
        assertEquals(-180, ringLeft(robot), 1e-9, "half the time left is half a ring");

        robot.interact(() -> countdown.setSecondsLeft(0));
        assertEquals("0", shown(robot));
        assertEquals(0, ringLeft(robot), 1e-9);
    }

    @Test
    void theLastSecondsAreUrgent(FxRobot robot) {
        robot.interact(() -> countdown.setSecondsLeft(Countdown.URGENT_SECONDS + 1));
        assertFalse(countdown.getPseudoClassStates().contains(URGENT));

        robot.interact(() -> countdown.setSecondsLeft(Countdown.URGENT_SECONDS));
        assertTrue(countdown.getPseudoClassStates().contains(URGENT));

        robot.interact(() -> countdown.setSecondsLeft(20));
        assertFalse(countdown.getPseudoClassStates().contains(URGENT), "a new warning starts calm");
    }

    @Test
    void theRingIsAShareOfTheTotalAndNeverMoreThanFull(FxRobot robot) {
        robot.interact(() -> {
            countdown.setTotalSeconds(60);
            countdown.setSecondsLeft(15);
        });
        assertEquals(-90, ringLeft(robot), 1e-9);

        robot.interact(() -> countdown.setSecondsLeft(90));
        assertEquals(-360, ringLeft(robot), 1e-9);
        assertEquals("90", shown(robot));
    }

    @Test
    void theUnitIsTranslated(FxRobot robot) {
        robot.interact(() -> countdown.secondsTextProperty().set("segonn"));

        assertEquals(
                "segonn", robot.lookup(".countdown-unit").queryAs(Label.class).getText());
    }

    @Test
    void theRingIsRoundAndInsideTheControl(FxRobot robot) {
        Arc ring = robot.lookup(".countdown-track").queryAs(Arc.class);
        assertEquals(360, ring.getLength(), 1e-9);
        assertEquals(ring.getRadiusX(), ring.getRadiusY(), 1e-9);
        assertTrue(ring.getRadiusX() > 0);
        assertTrue(2 * ring.getRadiusX() <= Math.min(countdown.getWidth(), countdown.getHeight()));
    }
}
