package org.accesscentre.app.view;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import org.accesscentre.app.flow.FindServiceViewModel;
import org.accesscentre.app.flow.ShellViewModel;
import org.accesscentre.app.i18n.Strings;

/** Topics as large tiles, each an icon with words, and the search. */
final class CategoriesView implements PageView {
    private final ShellViewModel shell;
    private final FindServiceViewModel vm;

    CategoriesView(ShellViewModel shell, FindServiceViewModel vm) {
        this.shell = shell;
        this.vm = vm;
    }

    @Override
    public Node body() {
        Strings s = shell.strings();
        TilePane tiles = new TilePane();
        tiles.getStyleClass().add("category-tiles");
        for (FindServiceViewModel.CategoryItem c : vm.categories()) {
            Label title = new Label(c.title());
            title.getStyleClass().add("tile-title");
            title.setWrapText(true);
            Button tile = new Button();
            tile.setId("category-" + c.id());
            tile.getStyleClass().add("category-tile");
            tile.setGraphic(new VBox(Icons.of(c.icon(), "tile-icon"), title));
            tile.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            tile.setAccessibleText(c.title());
            tile.setOnAction(e -> vm.openCategory(c.id()));
            tiles.getChildren().add(tile);
        }
        Button search = Ui.button(s.get("find.searchHeading"), "search", "secondary", "search-button");
        search.setId("search");
        search.setOnAction(e -> shell.openSearch());
        return Ui.column("page", Ui.heading(s.get("find.heading")), search, tiles);
    }

    @Override
    public List<Node> actions() {
        return List.of();
    }
}
