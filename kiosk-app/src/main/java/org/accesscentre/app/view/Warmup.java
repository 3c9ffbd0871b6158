package org.accesscentre.app.view;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/**
 * Work the first frame needs that needs nothing of the kiosk: while the store opens, the FX thread would
 * otherwise wait. A scene of the kinds of node the welcome screen and the frame are made of, with the
 * kiosk's stylesheets, is styled and laid out off screen: the JavaFX stylesheet and ours are parsed, the
 * controls' skins and the system font are loaded, and the code that does it has run once.
 */
public final class Warmup {
    private Warmup() {}

    /**
     * Styles and lays out the off-screen scene; on the FX thread. The scene is returned so it can be held
     * until the kiosk's own scene is up: while a scene uses them, parsed stylesheets stay cached.
     */
    public static Scene run(List<String> stylesheets, double width, double height) {
        FlowPane languages = new FlowPane(Ui.button("English", "globe", "language-button"));
        languages.getStyleClass().add("language-choice");
        ScrollPane page = new ScrollPane(Ui.column(
                "welcome",
                Ui.heading("Welcome"),
                Ui.paragraph("Apply for a service"),
                Ui.primary("Start", "forward"),
                Ui.caption("Language"),
                languages,
                Ui.button("Look up", "lookup", "secondary")));
        page.getStyleClass().add("page-scroller");
        HBox top = new HBox(Ui.heading("Access Centre"), Ui.grow(), Ui.button("Text size", "text", "bar-button"));
        top.getStyleClass().add("top-bar");
        BorderPane frame = new BorderPane(page, top, null, new HBox(Ui.button("Back", "back", "secondary")), null);
        frame.getStyleClass().add("frame");
        StackPane root = new StackPane(frame);
        root.getStyleClass().add("kiosk");
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().setAll(stylesheets);
        root.applyCss();
        root.layout();
        return scene;
    }
}
