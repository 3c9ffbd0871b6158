package org.accesscentre.app.view;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** Small builders the views share, so every heading, paragraph and button looks and wraps the same. */
final class Ui {
    private Ui() {}

    static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("heading");
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    static Label heading(ObservableValue<String> text) {
        Label l = heading("");
        l.textProperty().bind(text);
        return l;
    }

    static Label subheading(String text) {
        Label l = heading(text);
        l.getStyleClass().setAll("label", "subheading");
        return l;
    }

    static Label caption(String text) {
        Label l = paragraph(text);
        l.getStyleClass().add("caption");
        return l;
    }

    static Label paragraph(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("paragraph");
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    static Label paragraph(ObservableValue<String> text) {
        Label l = paragraph("");
        l.textProperty().bind(text);
        return l;
    }

    /** A long text that wraps anywhere a word ends, for answers and agency messages. */
    static TextFlow flow(String text, String styleClass) {
        Text t = new Text(text);
        t.getStyleClass().add(styleClass);
        TextFlow f = new TextFlow(t);
        f.getStyleClass().add(styleClass + "-flow");
        return f;
    }

    static Button button(String text, String icon, String... styleClasses) {
        Button b = new Button(text);
        if (!icon.isEmpty()) {
            b.setGraphic(Icons.of(icon));
            b.setContentDisplay(ContentDisplay.LEFT);
        }
        b.getStyleClass().addAll(styleClasses);
        b.setWrapText(true);
        b.setMnemonicParsing(false);
        return b;
    }

    static Button primary(String text, String icon) {
        Button b = button(text, icon, "primary");
        if (!icon.isEmpty()) {
            b.setContentDisplay(ContentDisplay.RIGHT);
        }
        return b;
    }

    static VBox column(String styleClass, Node... children) {
        VBox box = new VBox(children);
        box.getStyleClass().add(styleClass);
        return box;
    }

    static Region grow() {
        Region r = new Region();
        javafx.scene.layout.HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    /**
     * Turns node caching off under {@code node}. Scroll panes' skins (a page's, a text area's, a list's) cache
     * their viewport as an image; each new page took a new image from the renderer's pool, and the software
     * renderer never gave them back: 0.3 MB a citizen, for good. Pages are small; they are drawn afresh.
     */
    static void uncache(Node node) {
        if (node.isCache()) {
            node.setCache(false);
        }
        if (node instanceof javafx.scene.Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                uncache(child);
            }
        }
    }
}
