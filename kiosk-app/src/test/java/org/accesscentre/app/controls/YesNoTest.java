package org.accesscentre.app.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.ToggleButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A yes-or-no question answered by tapping one of two tiles; unanswered is null, never "no". */
@ExtendWith(ApplicationExtension.class)
class YesNoTest {
    private YesNo question;

    @Start
    void start(Stage stage) {
        question = new YesNo();
        stage.setScene(Fx.scene(new StackPane(question), 800, 480));
        stage.show();
    }

    private ToggleButton yes(FxRobot robot) {
        return robot.lookup(".yes-tile").queryAs(ToggleButton.class);
    }

    private ToggleButton no(FxRobot robot) {
        return robot.lookup(".no-tile").queryAs(ToggleButton.class);
    }

    @Test
    void unansweredIsNullWithNeitherTileChosen(FxRobot robot) {
        assertNull(question.getValue());
        assertFalse(yes(robot).isSelected());
        assertFalse(no(robot).isSelected());
    }

    @Test
    void tappingYesThenNoAnswersEachInTurn(FxRobot robot) {
        Fx.tap(robot, Fx.labeled(robot, "choice-tile", "Yes", ToggleButton.class));
        assertEquals(Boolean.TRUE, question.getValue());
        assertTrue(yes(robot).isSelected());
        assertFalse(no(robot).isSelected());

        Fx.tap(robot, Fx.labeled(robot, "choice-tile", "No", ToggleButton.class));
        assertEquals(Boolean.FALSE, question.getValue());
        assertFalse(yes(robot).isSelected());
        assertTrue(no(robot).isSelected());
    }

    @Test
    void aSecondTapOnTheAnswerKeepsIt(FxRobot robot) {
        Fx.tap(robot, no(robot));
        Fx.tap(robot, no(robot));

        assertEquals(Boolean.FALSE, question.getValue());
        assertTrue(no(robot).isSelected(), "the tile's toggle must not flip itself off");
    }

    @Test
    void yesStandsLeftOfNo(FxRobot robot) {
        ToggleButton yes = yes(robot);
        ToggleButton no = no(robot);
        assertTrue(yes.localToScene(yes.getBoundsInLocal()).getMaxX()
                <= no.localToScene(no.getBoundsInLocal()).getMinX());
    }

    @Test
    void theTilesSayTheTranslatedWords(FxRobot robot) {
        robot.interact(() -> {
            question.yesTextProperty().set("Wi");
            question.noTextProperty().set("Non");
        });

        Fx.tap(robot, Fx.labeled(robot, "choice-tile", "Wi", ToggleButton.class));

        assertEquals(Boolean.TRUE, question.getValue());
    }

    @Test
    void aValueSetByTheAppShowsAndNullClearsBoth(FxRobot robot) {
        robot.interact(() -> question.setValue(true));
        assertTrue(yes(robot).isSelected());

        robot.interact(() -> question.setValue(null));

        assertFalse(yes(robot).isSelected());
        assertFalse(no(robot).isSelected());
    }
}
