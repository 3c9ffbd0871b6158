package org.accesscentre.app.view;

import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.accesscentre.app.flow.ServiceInfoViewModel;
import org.accesscentre.app.flow.ShellViewModel;
import org.accesscentre.app.i18n.Strings;

/** A service's page: what you need, the fee, how long it takes and who deals with it, then Start now. */
final class ServiceInfoView implements PageView {
    private final ShellViewModel shell;
    private final ServiceInfoViewModel vm;

    ServiceInfoView(ShellViewModel shell, ServiceInfoViewModel vm) {
        this.shell = shell;
        this.vm = vm;
    }

    @Override
    public Node body() {
        Strings s = shell.strings();
        VBox needs = new VBox();
        needs.getStyleClass().add("bullets");
        for (String n : vm.whatYouNeed()) {
            Label l = Ui.paragraph("\u2022 " + n);
            needs.getChildren().add(l);
        }
        GridPane facts = new GridPane();
        facts.getStyleClass().add("facts");
        String fee = vm.fee().isBlank() ? s.get("service.free") : vm.fee();
        if (!vm.payAt().isEmpty()) {
            fee = fee + ". " + vm.payAt();
        }
        addFact(facts, 0, s.get("service.fee"), fee);
        addFact(facts, 1, s.get("service.time"), vm.processingTime());
        addFact(facts, 2, s.get("service.who"), vm.agency());
        Label questions = Ui.caption(s.get("service.questions", Map.of("n", "" + vm.questions())));
        return Ui.column(
                "page",
                Ui.heading(vm.title()),
                Ui.paragraph(vm.summary()),
                subheading(s.get("service.whatYouNeed")),
                needs,
                facts,
                questions);
    }

    @Override
    public List<Node> actions() {
        Button start = Ui.primary(shell.strings().get("service.start"), "forward");
        start.setId("begin");
        start.setOnAction(e -> vm.start());
        return List.of(start);
    }

    static Label subheading(String text) {
        Label l = Ui.paragraph(text);
        l.getStyleClass().add("subheading");
        return l;
    }

    private static void addFact(GridPane grid, int row, String name, String value) {
        Label n = Ui.paragraph(name);
        n.getStyleClass().add("fact-name");
        Label v = Ui.paragraph(value);
        grid.add(n, 0, row);
        grid.add(v, 1, row);
    }
}
