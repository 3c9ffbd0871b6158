package org.accesscentre.app.view;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.accesscentre.app.flow.InputKind;
import org.accesscentre.app.flow.QuestionViewModel;
import org.accesscentre.app.flow.ShellViewModel;
import org.accesscentre.app.i18n.Strings;

/**
 * One question: "Question 3 of 8", the question as the heading, its hint and example, the input, and when
 * Continue finds a problem, the message both at the top and next to the input (GOV.UK's error pattern).
 */
final class QuestionView implements PageView {
    private final ShellViewModel shell;
    private final QuestionViewModel vm;
    private final KeyboardDock dock;

    QuestionView(ShellViewModel shell, QuestionViewModel vm, KeyboardDock dock) {
        this.shell = shell;
        this.vm = vm;
        this.dock = dock;
    }

    @Override
    public Node body() {
        Strings s = shell.strings();
        Label progress = Ui.caption(
                vm.progress().getValue() + " \u00b7 " + vm.serviceTitle().getValue());
        progress.setId("progress");

        Label summaryHeading = Ui.paragraph(s.get("question.problemHeading"));
        summaryHeading.getStyleClass().add("error-summary-heading");
        Label summaryText = Ui.paragraph(vm.error());
        VBox summary = new VBox(summaryHeading, summaryText);
        summary.getStyleClass().add("error-summary");
        summary.setId("error-summary");

        String heading = vm.heading().getValue() + (vm.optional() ? " " + s.get("question.optional") : "");
        Label question = Ui.heading(heading);
        question.setId("question");
        Label hint = Ui.paragraph(vm.hint().getValue());
        hint.getStyleClass().add("hint");
        Label example = Ui.caption(vm.example().getValue());
        Label errorText = Ui.paragraph(vm.error());
        errorText.getStyleClass().add("error-message");
        errorText.setId("error");

        Node input = Inputs.of(vm, s, dock, this::continueOn);
        VBox field = new VBox(errorText, input);
        field.getStyleClass().add("field");
        VBox page = Ui.column("page", progress, summary, question, hint, example, field);
        if (vm.kind() == InputKind.CHOICES) {
            page.getChildren().add(3, Ui.caption(s.get("question.chooseAll")));
        }
        for (Label l : List.of(hint, example)) {
            l.visibleProperty().bind(l.textProperty().isNotEmpty());
            l.managedProperty().bind(l.visibleProperty());
        }
        for (Node n : List.of(summary, errorText)) {
            n.visibleProperty().bind(errorText.textProperty().isNotEmpty());
            n.managedProperty().bind(n.visibleProperty());
        }
        errorText
                .textProperty()
                .addListener((obs, was, is) ->
                        field.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("error"), !is.isEmpty()));
        return page;
    }

    private void continueOn() {
        vm.continueOn();
    }

    @Override
    public List<Node> actions() {
        Button go = Ui.primary(shell.strings().get("nav.continue"), "forward");
        go.setId("continue");
        go.setOnAction(e -> continueOn());
        return List.of(go);
    }
}
