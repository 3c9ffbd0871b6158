package org.accesscentre.app.view;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.accesscentre.app.flow.ShellViewModel;
import org.accesscentre.app.i18n.Strings;

/** The welcome: a big Start, the languages always in sight, and a way to check an earlier request. */
final class WelcomeView implements PageView {
    private final ShellViewModel shell;
    private final String nowServing;

    /** {@code nowServing}: the walk-in ticket being served, or "" when no queue runs. */
    WelcomeView(ShellViewModel shell, String nowServing) {
        this.shell = shell;
        this.nowServing = nowServing;
    }

    @Override
    public Node body() {
        Strings s = shell.strings();
        Label heading = Ui.heading(s.get("welcome.heading"));
        heading.getStyleClass().add("welcome-heading");
        Label sub = Ui.paragraph(s.get("welcome.sub"));

        Button start = Ui.primary(s.get("welcome.start"), "forward");
        start.setId("start");
        start.getStyleClass().add("start-button");
        start.setOnAction(e -> shell.start());
        Label notReady = Ui.paragraph(s.get("welcome.notReady"));
        notReady.getStyleClass().add("notice");
        notReady.visibleProperty().bind(shell.sync().enrolledProperty().not());
        notReady.managedProperty().bind(notReady.visibleProperty());
        start.disableProperty().bind(shell.sync().enrolledProperty().not());

        Label choose = Ui.caption(s.get("welcome.chooseLanguage"));
        FlowPane languages = new FlowPane();
        languages.getStyleClass().add("language-choice");
        languages.setAlignment(Pos.CENTER);
        for (String locale : shell.locales()) {
            Button b = Ui.button(shell.languageName(locale), "globe", "language-button");
            b.setId("language-" + locale);
            if (locale.equals(shell.locale())) {
                b.getStyleClass().add("selected");
            }
            b.setOnAction(e -> shell.language(locale));
            languages.getChildren().add(b);
        }

        Button lookup = Ui.button(s.get("welcome.lookup"), "lookup", "secondary");
        lookup.setId("lookup");
        lookup.setOnAction(e -> shell.openLookup());

        VBox box = Ui.column("welcome", heading, sub, start, notReady, choose, languages, lookup);
        if (!nowServing.isEmpty()) {
            Label serving = new Label(s.get("welcome.nowServing", "ticket", nowServing));
            serving.getStyleClass().add("now-serving");
            serving.setId("now-serving");
            box.getChildren().add(0, serving);
        }
        box.setAlignment(Pos.CENTER);
        return box;
    }
}
