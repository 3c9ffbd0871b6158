package org.accesscentre.app.view;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.accesscentre.app.flow.FindServiceViewModel;

/** The services of one topic, each a wide button with its title and one line of what it is for. */
final class ServicesView implements PageView {
    private final FindServiceViewModel vm;
    private final String categoryId;

    ServicesView(FindServiceViewModel vm, String categoryId) {
        this.vm = vm;
        this.categoryId = categoryId;
    }

    @Override
    public Node body() {
        VBox list = new VBox();
        list.getStyleClass().add("service-list");
        for (FindServiceViewModel.ServiceItem item : vm.services(categoryId)) {
            list.getChildren().add(serviceButton(vm, item));
        }
        return Ui.column("page", Ui.heading(vm.categoryTitle(categoryId)), list);
    }

    static Button serviceButton(FindServiceViewModel vm, FindServiceViewModel.ServiceItem item) {
        Label title = new Label(item.title());
        title.getStyleClass().add("service-title");
        title.setWrapText(true);
        Label summary = new Label(item.summary());
        summary.getStyleClass().add("service-summary");
        summary.setWrapText(true);
        VBox text = new VBox(title, summary);
        text.getStyleClass().add("service-text");
        Button b = new Button();
        b.setId("service-" + item.id());
        b.getStyleClass().add("service-button");
        b.setGraphic(text);
        b.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        b.setAccessibleText(item.title());
        b.setMaxWidth(Double.MAX_VALUE);
        b.setOnAction(e -> vm.open(item.id()));
        return b;
    }
}
