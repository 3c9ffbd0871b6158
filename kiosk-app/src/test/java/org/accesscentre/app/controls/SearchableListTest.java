package org.accesscentre.app.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A search typed on the on-screen keyboard into the list's own field, and a row chosen with a still tap. */
@ExtendWith(ApplicationExtension.class)
class SearchableListTest {
    private SearchableList list;

    @Start
    void start(Stage stage) {
        list = new SearchableList();
        list.getItems()
                .setAll(
                        new Choice("CAS", "Castries"),
                        new Choice("PRA", "Praslin"),
                        new Choice("ALR", "Anse La Raye"),
                        new Choice("SOU", "Soufrière"),
                        new Choice("CHO", "Choiseul"),
                        new Choice("VFT", "Vieux Fort"),
                        new Choice("MIC", "Micoud"));
        list.setPrefWidth(380);
        OnScreenKeyboard keyboard = new OnScreenKeyboard();
        keyboard.targetProperty().bind(list.searchFieldProperty());
        // Side by side, so every row of the list has room to show.
        HBox.setHgrow(keyboard, Priority.ALWAYS);
        stage.setScene(Fx.scene(new HBox(list, keyboard), 1200, 720));
        stage.show();
    }

    /** Taps the search field, then the letters on the keyboard. */
    private void search(FxRobot robot, String letters) {
        TextField field = robot.lookup(".search-field").queryAs(TextField.class);
        Fx.tap(robot, field);
        for (char letter : letters.toCharArray()) {
            Fx.tap(robot, Fx.labeled(robot, "key", String.valueOf(letter), Button.class));
        }
    }

    /** The labels of the rows on show, top to bottom. */
    private List<String> rows(FxRobot robot) {
        return robot.lookup(".search-row").queryAll().stream()
                .map(node -> (ListCell<?>) node)
                .filter(row -> row.isVisible() && !row.isEmpty())
                .sorted((a, b) -> Integer.compare(a.getIndex(), b.getIndex()))
                .map(ListCell::getText)
                .toList();
    }

    private ListCell<?> row(FxRobot robot, String label) {
        return (ListCell<?>) Fx.labeled(robot, "search-row", label, Labeled.class);
    }

    /** The no-matches text, if it is on show. */
    private Optional<Label> noMatches(FxRobot robot) {
        return robot.lookup(".search-no-matches")
                .match(SearchableListTest::showing)
                .tryQueryAs(Label.class);
    }

    /** Visible, and so is everything it stands in: the list hides its placeholder's pane, not the label. */
    private static boolean showing(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    @Test
    void everyRowShowsBeforeASearch(FxRobot robot) {
        assertEquals(
                List.of("Castries", "Praslin", "Anse La Raye", "Soufrière", "Choiseul", "Vieux Fort", "Micoud"),
                rows(robot));
        assertEquals(Optional.empty(), noMatches(robot));
    }

    @Test
    void typingWithoutAccentsFindsTheAccentedName(FxRobot robot) {
        search(robot, "soufri");

        assertEquals("soufri", list.getFilterText());
        assertEquals(List.of("Soufrière"), rows(robot));
    }

    @Test
    void capitalsAndAccentsTypedAreFoldedToo(FxRobot robot) {
        search(robot, "");
        Fx.tap(robot, Fx.labeled(robot, "key", "Shift", Button.class));
        search(robot, "Vi");

        assertEquals("Vi", list.getFilterText());
        assertEquals(List.of("Vieux Fort"), rows(robot));

        robot.interact(() -> list.setFilterText("SOUFRIÈRE"));
        assertEquals(List.of("Soufrière"), rows(robot));
    }

    @Test
    void rowsWhereTheSearchStartsAWordComeFirst(FxRobot robot) {
        search(robot, "ra");

        // "Praslin" stands before "Anse La Raye" in the list, but only "Raye" starts with what was typed.
        assertEquals(List.of("Anse La Raye", "Praslin"), rows(robot));
    }

    @Test
    void aSearchThatMatchesNothingSaysSo(FxRobot robot) {
        robot.interact(() -> list.noMatchesTextProperty().set("Pa ni anyen"));

        search(robot, "xyz");

        assertEquals(List.of(), rows(robot));
        assertEquals("Pa ni anyen", noMatches(robot).orElseThrow().getText());

        Fx.tap(robot, Fx.labeled(robot, "key", "Delete", Button.class));
        Fx.tap(robot, Fx.labeled(robot, "key", "Delete", Button.class));
        Fx.tap(robot, Fx.labeled(robot, "key", "Delete", Button.class));
        assertEquals(7, rows(robot).size(), "deleting the search brings every row back");
        assertEquals(Optional.empty(), noMatches(robot));
    }

    @Test
    void tappingARowChoosesIt(FxRobot robot) {
        search(robot, "c");

        Fx.tap(robot, row(robot, "Micoud"));

        assertEquals("MIC", list.getSelectedValue());
        assertTrue(row(robot, "Micoud").isSelected());
        assertFalse(row(robot, "Castries").isSelected());

        Fx.tap(robot, row(robot, "Castries"));
        assertEquals("CAS", list.getSelectedValue());
        assertFalse(row(robot, "Micoud").isSelected());
    }

    @Test
    void aFingerThatMovesOnARowDoesNotChooseIt(FxRobot robot) {
        ListCell<?> castries = row(robot, "Castries");

        Fx.drag(robot, Fx.at(castries, 0.3, 0.5), Fx.at(castries, 0.5, 0.5), Fx.at(castries, 0.7, 0.5));

        assertNull(list.getSelectedValue());
        assertFalse(castries.isSelected());
    }

    @Test
    void theChoiceStaysWhenASearchHidesItsRow(FxRobot robot) {
        Fx.tap(robot, row(robot, "Choiseul"));

        search(robot, "mic");
        assertEquals(List.of("Micoud"), rows(robot));
        assertEquals("CHO", list.getSelectedValue());

        robot.interact(list::clear);
        assertEquals("", list.getFilterText());
        assertEquals(7, rows(robot).size());
        assertEquals("CHO", list.getSelectedValue());
        assertTrue(row(robot, "Choiseul").isSelected(), "the chosen row shows as chosen again");
    }

    @Test
    void aChoiceSetByTheAppShowsOnItsRow(FxRobot robot) {
        robot.interact(() -> list.setSelectedValue("VFT"));

        assertTrue(row(robot, "Vieux Fort").isSelected());
        Node mark = row(robot, "Vieux Fort").lookup(".tile-mark-inside");
        assertTrue(mark.isVisible(), "the chosen row shows its mark, not just a colour");
    }

    @Test
    void theKeyboardTypesIntoTheListsOwnField(FxRobot robot) {
        assertSame(robot.lookup(".search-field").query(), list.getSearchField());
    }
}
