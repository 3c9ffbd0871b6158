package org.accesscentre.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The headless toolkit is there: Monocle, software rendering, a robot that clicks. */
@ExtendWith(ApplicationExtension.class)
class HeadlessSmokeTest {
    private int clicks;

    @Start
    void start(Stage stage) {
        Button button = new Button("Start");
        button.setId("start");
        button.setOnAction(e -> clicks++);
        stage.setScene(new Scene(new StackPane(button), 800, 480));
        stage.show();
    }

    @Test
    void aClickReachesTheButton(FxRobot robot) {
        robot.clickOn("#start");
        assertEquals(1, clicks);
    }
}
