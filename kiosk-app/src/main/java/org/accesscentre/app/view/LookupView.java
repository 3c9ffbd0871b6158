package org.accesscentre.app.view;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.accesscentre.app.controls.KeyboardLayout;
import org.accesscentre.app.flow.LookupViewModel;
import org.accesscentre.app.flow.ShellViewModel;
import org.accesscentre.app.i18n.Strings;

/** "Check progress": type a reference, see where the request is, in words. */
final class LookupView implements PageView {
    private final ShellViewModel shell;
    private final LookupViewModel vm;
    private final KeyboardDock dock;

    LookupView(ShellViewModel shell, LookupViewModel vm, KeyboardDock dock) {
        this.shell = shell;
        this.vm = vm;
        this.dock = dock;
    }

    @Override
    public Node body() {
        Strings s = shell.strings();
        TextField reference = new TextField();
        reference.setId("reference-input");
        reference.getStyleClass().addAll("answer-field", "reference-field");
        reference.setPromptText("SOU-03-000127-K");
        reference.textProperty().bindBidirectional(vm.typedProperty());
        reference.setOnAction(e -> vm.look());
        Label error = Ui.paragraph(vm.errorProperty());
        error.getStyleClass().add("error-message");
        error.setId("lookup-error");
        Label heading = Ui.paragraph(vm.headingProperty());
        heading.getStyleClass().add("subheading");
        heading.setId("lookup-heading");
        Label detail = Ui.paragraph(vm.detailProperty());
        detail.setId("lookup-detail");
        VBox result = new VBox(heading, detail);
        result.getStyleClass().add("lookup-result");
        for (Node n : List.of(error, result)) {
            n.managedProperty().bind(n.visibleProperty());
        }
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        result.visibleProperty().bind(vm.headingProperty().isNotEmpty());
        dock.attach(reference, KeyboardLayout.ALPHABETIC, vm::look);
        dock.open(reference, KeyboardLayout.ALPHABETIC, vm::look);
        return Ui.column(
                "page",
                Ui.heading(s.get("lookup.heading")),
                Ui.paragraph(s.get("lookup.prompt")),
                error,
                reference,
                result);
    }

    @Override
    public List<Node> actions() {
        Button check = Ui.primary(shell.strings().get("lookup.check"), "search");
        check.setId("check");
        check.setOnAction(e -> vm.look());
        return List.of(check);
    }
}
