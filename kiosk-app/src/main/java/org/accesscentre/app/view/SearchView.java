package org.accesscentre.app.view;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.accesscentre.app.controls.KeyboardLayout;
import org.accesscentre.app.flow.FindServiceViewModel;
import org.accesscentre.app.flow.ShellViewModel;
import org.accesscentre.app.i18n.Strings;

/** A plain-words search with the on-screen keyboard; results follow each key. */
final class SearchView implements PageView {
    private final ShellViewModel shell;
    private final FindServiceViewModel vm;
    private final KeyboardDock dock;

    SearchView(ShellViewModel shell, FindServiceViewModel vm, KeyboardDock dock) {
        this.shell = shell;
        this.vm = vm;
        this.dock = dock;
    }

    @Override
    public Node body() {
        Strings s = shell.strings();
        TextField query = new TextField();
        query.setId("query");
        query.getStyleClass().add("answer-field");
        query.setPromptText(s.get("find.searchPrompt"));
        query.textProperty().bindBidirectional(vm.queryProperty());
        VBox results = new VBox();
        results.getStyleClass().add("service-list");
        results.setId("results");
        Label none = Ui.paragraph(s.get("find.noResults"));
        none.getStyleClass().add("notice");
        Runnable refresh = () -> {
            results.getChildren().clear();
            var found = vm.results();
            for (FindServiceViewModel.ServiceItem item : found) {
                results.getChildren().add(ServicesView.serviceButton(vm, item));
            }
            if (found.isEmpty() && !vm.queryProperty().get().isBlank()) {
                results.getChildren().add(none);
            }
        };
        vm.queryProperty().addListener((obs, was, is) -> refresh.run());
        refresh.run();
        dock.attach(query, KeyboardLayout.ALPHABETIC, null);
        dock.open(query, KeyboardLayout.ALPHABETIC, null);
        return Ui.column("page", Ui.heading(s.get("find.searchHeading")), query, results);
    }
}
