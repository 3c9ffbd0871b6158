package org.accesscentre.app.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.accesscentre.device.config.Hardware;
import org.accesscentre.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The desktop stand-in: its button presses the mock help button, its lamps say the pins' states in words. */
@ExtendWith(ApplicationExtension.class)
class HardwarePanelTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-04-14T10:00:00Z"));
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final AtomicInteger presses = new AtomicInteger();
    private MockKioskHardware mock;
    private HardwarePanel panel;
    private StackPane root;

    @Start
    void start(Stage stage) {
        mock = KioskHardware.mock(Hardware.NONE, clock, scheduler);
        mock.helpButton().onPressed(presses::incrementAndGet);
        panel = new HardwarePanel(mock);
        root = new StackPane(panel);
        stage.setScene(new Scene(root, 400, 400));
        stage.show();
    }

    @AfterEach
    void closeTheMock() {
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> panel.dispose());
        mock.close();
    }

    @Test
    void theHelpButtonPressesTheMockButtonOnce(FxRobot robot) {
        Button help = robot.lookup("#hardware-help").queryButton();
        assertTrue(help.getHeight() >= 44, "a 44 px target");

        robot.clickOn(help);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(1, presses.get());
    }

    @Test
    void theLampsSayWhatThePinsShowInWords(FxRobot robot) {
        mock.lights().show(new LightState(true, false, true));
        mock.buzzer().sound(Duration.ofSeconds(1));
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> panel.refresh());

        assertEquals("Online: on", text(robot, "#hardware-green"));
        assertEquals("Waiting: off", text(robot, "#hardware-amber"));
        assertEquals("Fault: on", text(robot, "#hardware-red"));
        assertEquals("Buzzer: sounding", text(robot, "#hardware-buzzer"));

        scheduler.advance(Duration.ofSeconds(1));
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> panel.refresh());
        assertEquals("Buzzer: quiet", text(robot, "#hardware-buzzer"));
    }

    @Test
    void itPollsOnlyWhileInASceneAndNeverAfterDispose() {
        assertTrue(WaitForAsyncUtils.waitForAsyncFx(5_000, () -> panel.polling()));

        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> root.getChildren().remove(panel));
        assertFalse(WaitForAsyncUtils.waitForAsyncFx(5_000, () -> panel.polling()), "off the scene");

        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> root.getChildren().add(panel));
        assertTrue(WaitForAsyncUtils.waitForAsyncFx(5_000, () -> panel.polling()), "back on");

        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> panel.dispose());
        assertFalse(WaitForAsyncUtils.waitForAsyncFx(5_000, () -> panel.polling()), "disposed");
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
