package org.accesscentre.app.view;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.accesscentre.app.desk.DeskViewModel;
import org.accesscentre.app.desk.DeskViewModel.Mode;
import org.accesscentre.device.config.Attendant;

/**
 * Attendant mode over the citizen's page: choosing a name, the PIN pad, then the tabs. It is rebuilt when its
 * mode or tab changes or the attendant acts, like a page of the shell; the citizen's page underneath is left
 * as it was.
 */
final class DeskView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final DeskViewModel vm;
    private final StackPane root = new StackPane();
    private final BorderPane frame = new BorderPane();
    private final KeyboardDock dock = new KeyboardDock();
    private final DeskTabs tabs;

    DeskView(DeskViewModel vm) {
        this.vm = vm;
        this.tabs = new DeskTabs(vm, dock, this::render);
        root.getStyleClass().add("desk");
        root.setId("desk");
        root.getChildren().add(frame);
        root.visibleProperty().bind(vm.modeProperty().isNotEqualTo(Mode.CLOSED));
        vm.modeProperty().addListener((obs, was, is) -> render());
        vm.tabProperty().addListener((obs, was, is) -> render());
        vm.desk().helpRequestedProperty().addListener((obs, was, is) -> render());
        vm.desk().sessionProperty().addListener((obs, was, is) -> render());
        vm.desk().nowServingProperty().addListener((obs, was, is) -> render());
        vm.desk().maintenance().lockProperty().addListener((obs, was, is) -> render());
        dock.words(vm.shell().strings());
        render();
    }

    Node node() {
        return root;
    }

    void render() {
        dock.detach();
        Node body = switch (vm.modeProperty().get()) {
            case CLOSED -> new VBox();
            case CHOOSE -> choose();
            case PIN -> pinPad();
            case OPEN -> tabs.body();
        };
        ScrollPane scroller = new ScrollPane(body);
        scroller.setFitToWidth(true);
        scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroller.getStyleClass().add("page-scroller");
        // Its skin caches the viewport as an image, which the software renderer keeps for good (see ShellView).
        scroller.skinProperty().addListener((obs, was, is) -> Ui.uncache(scroller));
        frame.setTop(topBar());
        frame.setCenter(scroller);
        frame.setBottom(dock.node());
    }

    private Node topBar() {
        Label title = new Label(
                vm.desk().attendant().map(a -> "Attendant mode: " + a.name()).orElse("Attendant mode"));
        title.getStyleClass().add("app-title");
        title.setId("desk-title");
        Button close = Ui.button(
                vm.modeProperty().get() == Mode.OPEN ? "Close attendant mode" : "Cancel", "close", "bar-button");
        close.setId("desk-close");
        close.setOnAction(e -> vm.close());
        HBox bar = new HBox(title, Ui.grow(), close);
        bar.getStyleClass().add("top-bar");
        VBox top = new VBox(bar);
        if (vm.modeProperty().get() == Mode.OPEN
                && vm.desk().helpRequestedProperty().get()) {
            Label help = new Label("This kiosk called for help at "
                    + vm.desk()
                            .helpSince()
                            .map(t -> LocalTime.ofInstant(t, vm.zone()).format(TIME))
                            .orElse("?") + ".");
            help.setWrapText(true);
            Button here = Ui.button("I am here", "check", "secondary");
            here.setId("help-answer");
            here.setOnAction(e -> vm.answerHelp());
            HBox banner = new HBox(help, Ui.grow(), here);
            banner.getStyleClass().add("help-banner");
            banner.setId("help-banner");
            top.getChildren().add(banner);
        }
        return top;
    }

    private Node choose() {
        VBox box = Ui.column("page", Ui.heading("Who are you?"));
        for (Attendant a : vm.desk().attendants()) {
            Button b = Ui.button(a.name(), "forward", "secondary", "attendant-button");
            b.setId("attendant-" + a.id());
            b.setOnAction(e -> vm.choose(a));
            box.getChildren().add(b);
        }
        box.getChildren().add(message(vm));
        return box;
    }

    private Node pinPad() {
        Attendant who = vm.chosenProperty().get();
        Label heading = Ui.heading("PIN for " + (who == null ? "" : who.name()));
        Label dots = new Label();
        dots.getStyleClass().add("pin-dots");
        dots.setId("pin-dots");
        dots.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> vm.pinProperty().get().isEmpty()
                                ? "Enter your PIN"
                                : "●".repeat(vm.pinProperty().get().length()),
                        vm.pinProperty()));
        GridPane pad = new GridPane();
        pad.getStyleClass().add("pin-pad");
        pad.setAlignment(Pos.CENTER);
        for (int d = 1; d <= 9; d++) {
            pad.add(key(d), (d - 1) % 3, (d - 1) / 3);
        }
        Button delete = Ui.button("Delete", "back", "secondary", "pin-key");
        delete.setId("pin-delete");
        delete.setOnAction(e -> vm.deleteDigit());
        Button ok = Ui.primary("OK", "check");
        ok.getStyleClass().add("pin-key");
        ok.setId("pin-ok");
        ok.setOnAction(e -> vm.submitPin());
        pad.add(delete, 0, 3);
        pad.add(key(0), 1, 3);
        pad.add(ok, 2, 3);
        VBox box = Ui.column("page", heading, dots, pad, message(vm));
        box.setAlignment(Pos.TOP_CENTER);
        return box;
    }

    private Button key(int d) {
        Button b = Ui.button(Integer.toString(d), "", "secondary", "pin-key");
        b.setId("pin-" + d);
        b.setOnAction(e -> vm.digit(d));
        return b;
    }

    /** What the attendant's last action came to. */
    static Label message(DeskViewModel vm) {
        Label m = Ui.paragraph(vm.messageProperty());
        m.getStyleClass().add("desk-message");
        m.setId("desk-message");
        m.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        m.managedProperty().bind(m.visibleProperty());
        return m;
    }
}
