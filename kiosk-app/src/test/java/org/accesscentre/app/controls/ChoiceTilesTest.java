package org.accesscentre.app.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Tiles tapped with a finger: one answer replaces the last, many answers toggle and keep the items' order. */
@ExtendWith(ApplicationExtension.class)
class ChoiceTilesTest {
    private ChoiceTiles tiles;

    @Start
    void start(Stage stage) {
        tiles = new ChoiceTiles();
        tiles.getItems()
                .setAll(
                        new Choice("bus", "By bus"),
                        new Choice("car", "By car"),
                        new Choice("foot", "On foot"),
                        new Choice("boat", "By boat"));
        stage.setScene(Fx.scene(new StackPane(tiles), 800, 480));
        stage.show();
    }

    private ToggleButton tile(FxRobot robot, String label) {
        return Fx.labeled(robot, "choice-tile", label, ToggleButton.class);
    }

    private void tap(FxRobot robot, String... labels) {
        for (String label : labels) {
            Fx.tap(robot, tile(robot, label));
        }
    }

    /** The labels of the tiles that show as chosen, in the order they stand. */
    private List<String> shownSelected(FxRobot robot) {
        return robot.lookup(".choice-tile").queryAllAs(ToggleButton.class).stream()
                .filter(ToggleButton::isSelected)
                .sorted((a, b) -> Double.compare(indexOf(a), indexOf(b)))
                .map(ToggleButton::getText)
                .toList();
    }

    private static double indexOf(Node tile) {
        return tile.getParent().getChildrenUnmodifiable().indexOf(tile);
    }

    @Test
    void singleModeHasOneAnswerThatATapReplaces(FxRobot robot) {
        assertEquals(List.of(), tiles.getSelectedValues());
        assertEquals(List.of(), shownSelected(robot));

        tap(robot, "By car");
        assertEquals(List.of("car"), tiles.getSelectedValues());
        assertEquals(List.of("By car"), shownSelected(robot));

        tap(robot, "On foot");
        assertEquals(List.of("foot"), tiles.getSelectedValues());
        assertEquals(List.of("On foot"), shownSelected(robot));
    }

    @Test
    void aSecondTapOnTheChosenTileKeepsItChosenInSingleMode(FxRobot robot) {
        tap(robot, "By boat", "By boat");

        assertEquals(List.of("boat"), tiles.getSelectedValues());
        assertTrue(tile(robot, "By boat").isSelected(), "the tile's toggle must not flip itself off");
    }

    @Test
    void multipleModeTogglesAndKeepsTheOrderOfTheItems(FxRobot robot) {
        robot.interact(() -> tiles.setMode(SelectionMode.MULTIPLE));

        tap(robot, "By boat", "By bus", "On foot");
        assertEquals(List.of("bus", "foot", "boat"), tiles.getSelectedValues(), "item order, not tap order");
        assertEquals(List.of("By bus", "On foot", "By boat"), shownSelected(robot));

        tap(robot, "By bus");
        assertEquals(List.of("foot", "boat"), tiles.getSelectedValues());
        assertFalse(tile(robot, "By bus").isSelected());

        tap(robot, "On foot", "By boat");
        assertEquals(List.of(), tiles.getSelectedValues());
        assertEquals(List.of(), shownSelected(robot));
    }

    @Test
    void marksAreRadiosForOneAndChecksForMany(FxRobot robot) {
        assertEquals(4, robot.lookup(".choice-tile .tile-mark.radio").queryAll().size());
        assertEquals(0, robot.lookup(".choice-tile .tile-mark.check").queryAll().size());

        robot.interact(() -> tiles.setMode(SelectionMode.MULTIPLE));

        assertEquals(0, robot.lookup(".choice-tile .tile-mark.radio").queryAll().size());
        assertEquals(4, robot.lookup(".choice-tile .tile-mark.check").queryAll().size());
    }

    @Test
    void theChosenTileShowsItsMarkNotJustAColour(FxRobot robot) {
        tap(robot, "By car");

        for (ToggleButton tile : robot.lookup(".choice-tile").queryAllAs(ToggleButton.class)) {
            Node inside = tile.lookup(".tile-mark-inside");
            assertEquals(tile.getText().equals("By car"), inside.isVisible(), tile.getText());
        }
    }

    @Test
    void aPrefilledAnswerShowsAndATapReplacesIt(FxRobot robot) {
        robot.interact(() -> tiles.getSelectedValues().setAll("bus"));
        assertEquals(List.of("By bus"), shownSelected(robot));

        tap(robot, "By car");

        assertEquals(List.of("car"), tiles.getSelectedValues());
        assertEquals(List.of("By car"), shownSelected(robot));
    }

    @Test
    void goingBackToSingleModeKeepsOneAnswer(FxRobot robot) {
        robot.interact(() -> tiles.setMode(SelectionMode.MULTIPLE));
        tap(robot, "By car", "By boat");

        robot.interact(() -> tiles.setMode(SelectionMode.SINGLE));

        assertEquals(List.of("car"), tiles.getSelectedValues());
        assertEquals(List.of("By car"), shownSelected(robot));
    }

    @Test
    void newItemsMakeNewTiles(FxRobot robot) {
        robot.interact(() -> tiles.getItems().setAll(new Choice("yes", "Wi"), new Choice("no", "Non")));

        assertEquals(2, robot.lookup(".choice-tile").queryAll().size());
        tap(robot, "Non");
        assertEquals(List.of("no"), tiles.getSelectedValues());
    }
}
