package org.accesscentre.app.view;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.accesscentre.app.flow.ReviewViewModel;
import org.accesscentre.app.flow.ShellViewModel;
import org.accesscentre.app.i18n.Strings;

/** "Check your answers": each question with its answer and a Change button, then "Send my request". */
final class ReviewView implements PageView {
    private final ShellViewModel shell;
    private final ReviewViewModel vm;

    ReviewView(ShellViewModel shell, ReviewViewModel vm) {
        this.shell = shell;
        this.vm = vm;
    }

    @Override
    public Node body() {
        Strings s = shell.strings();
        VBox rows = new VBox();
        rows.getStyleClass().add("review-rows");
        for (ReviewViewModel.Row row : vm.rows()) {
            Label question = Ui.paragraph(row.question());
            question.getStyleClass().add("review-question");
            Label answer = Ui.paragraph(row.answer());
            answer.getStyleClass().add("review-answer");
            VBox text = new VBox(question, answer);
            text.getStyleClass().add("review-text");
            HBox.setHgrow(text, javafx.scene.layout.Priority.ALWAYS);
            Button change = Ui.button(s.get("review.change"), "", "secondary", "change-button");
            change.setId("change-" + row.fieldId());
            change.setAccessibleText(s.get("review.change") + ": " + row.question());
            change.setOnAction(e -> vm.change(row.fieldId()));
            HBox line = new HBox(text, change);
            line.getStyleClass().add("review-row");
            rows.getChildren().add(line);
        }
        Label failure = Ui.paragraph(vm.failureProperty());
        failure.getStyleClass().add("error-summary");
        failure.visibleProperty().bind(vm.failureProperty().isNotEmpty());
        failure.managedProperty().bind(failure.visibleProperty());
        return Ui.column(
                "page",
                Ui.heading(s.get("review.heading")),
                Ui.paragraph(vm.serviceTitle() + ". " + s.get("review.sub")),
                failure,
                rows);
    }

    @Override
    public List<Node> actions() {
        Strings s = shell.strings();
        Button send = Ui.primary(s.get("review.send"), "forward");
        send.setId("send");
        send.disableProperty().bind(vm.sendingProperty());
        send.textProperty()
                .bind(javafx.beans.binding.Bindings.when(vm.sendingProperty())
                        .then(s.get("review.sending"))
                        .otherwise(s.get("review.send")));
        send.setOnAction(e -> vm.send());
        return List.of(send);
    }
}
