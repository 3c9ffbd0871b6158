package org.accesscentre.app.view;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.accesscentre.app.flow.ConfirmationViewModel;
import org.accesscentre.app.flow.ShellViewModel;
import org.accesscentre.app.i18n.Strings;

/**
 * The confirmation: a panel with the reference large and spaced and its QR code, whether it has left the
 * kiosk yet, what happens next and what to bring, and Print receipt. There is no Back from here.
 */
final class ConfirmationView implements PageView {
    private final ShellViewModel shell;
    private final ConfirmationViewModel vm;

    ConfirmationView(ShellViewModel shell, ConfirmationViewModel vm) {
        this.shell = shell;
        this.vm = vm;
    }

    @Override
    public Node body() {
        Strings s = shell.strings();
        Label done = Ui.heading(s.get("confirm.heading"));
        done.getStyleClass().add("panel-heading");
        Label refCaption = Ui.paragraph(s.get("confirm.reference"));
        refCaption.getStyleClass().add("panel-caption");
        Label reference = new Label(vm.referenceSpaced());
        reference.setId("reference");
        reference.getStyleClass().add("reference");
        reference.setAccessibleText(vm.reference().toString());
        VBox refBox = new VBox(done, refCaption, reference);
        refBox.getStyleClass().add("panel-text");
        HBox.setHgrow(refBox, Priority.ALWAYS);
        QrView qr = new QrView(vm.qrText(), 132);
        HBox panel = new HBox(refBox, qr);
        panel.getStyleClass().add("confirmation-panel");
        panel.setAlignment(Pos.CENTER_LEFT);

        Label printed = Ui.paragraph(vm.printStatusProperty());
        printed.setId("print-status");
        printed.getStyleClass().add("notice");
        printed.visibleProperty().bind(printed.textProperty().isNotEmpty());
        printed.managedProperty().bind(printed.visibleProperty());

        Label delivery = Ui.paragraph(vm.delivery());
        delivery.setId("delivery");
        delivery.getStyleClass().add("notice");

        VBox page = Ui.column(
                "page",
                panel,
                printed,
                Ui.paragraph(s.get("confirm.referenceHint")),
                delivery,
                ServiceInfoView.subheading(s.get("confirm.next")),
                Ui.paragraph(vm.whatHappensNext()));
        if (!vm.whatToBring().isEmpty()) {
            page.getChildren().add(ServiceInfoView.subheading(s.get("confirm.bring")));
            for (String item : vm.whatToBring()) {
                page.getChildren().add(Ui.paragraph("\u2022 " + item));
            }
        }
        if (!vm.fee().isEmpty()) {
            page.getChildren().addAll(ServiceInfoView.subheading(s.get("confirm.fee")), Ui.paragraph(vm.fee()));
        }
        return page;
    }

    @Override
    public List<Node> actions() {
        Button print = Ui.button(shell.strings().get("confirm.print"), "print", "secondary");
        print.setId("print");
        print.disableProperty().bind(vm.printingProperty());
        print.setOnAction(e -> vm.print());
        Button another = Ui.primary(shell.strings().get("confirm.another"), "check");
        another.setId("another");
        another.setOnAction(e -> vm.finish());
        return List.of(print, another);
    }
}
