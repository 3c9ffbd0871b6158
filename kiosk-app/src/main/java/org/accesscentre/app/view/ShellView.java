package org.accesscentre.app.view;

import java.util.Locale;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.event.Event;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TouchEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.accesscentre.app.desk.DeskViewModel;
import org.accesscentre.app.flow.Screen;
import org.accesscentre.app.flow.ShellViewModel;
import org.accesscentre.app.i18n.Strings;

/**
 * The frame every screen sits in: a top bar (online or not, language, text size, contrast, Finish), the
 * page, the docked keyboard, and a bottom bar with Back and the page's actions. A page's view is built
 * afresh for every screen and every language switch (its view model, and so the draft, stays), so nothing
 * of an earlier page lingers in the scene graph.
 */
public final class ShellView {
    private static final PseudoClass OFFLINE = PseudoClass.getPseudoClass("offline");
    private static final double BASE_FONT = 18;
    /** Below this height the page's buttons give way to the on-screen keyboard while it is open. */
    private static final double SHORT_SCREEN = 600;

    private final ShellViewModel vm;
    private final DeskViewModel desk;
    private final StackPane layers = new StackPane();
    private final BorderPane frame = new BorderPane();
    private final StackPane content = new StackPane();
    private final ScrollPane scroller = new ScrollPane(content);
    private final HBox topBar = new HBox();
    private final HBox bottomBar = new HBox();
    private final KeyboardDock dock = new KeyboardDock();
    private final Pages pages;
    private final Timeline ticker;
    private Object pageModel = new Object();
    /** Below this width the top bar says things shorter. */
    private static final double NARROW = 1000;

    private boolean narrow;

    public ShellView(ShellViewModel vm, DeskViewModel desk) {
        this.vm = vm;
        this.desk = desk;
        this.pages = new Pages(vm, desk, dock);
        layers.getStyleClass().add("kiosk");
        frame.getStyleClass().add("frame");
        content.getStyleClass().add("content");
        scroller.getStyleClass().add("page-scroller");
        scroller.setFitToWidth(true);
        scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);

        topBar.getStyleClass().add("top-bar");
        bottomBar.getStyleClass().add("bottom-bar");
        frame.setTop(new VBox(topBar, DeskOverlays.assistBanner(vm)));
        frame.setCenter(scroller);
        frame.setBottom(new VBox(dock.node(), bottomBar));
        DeskView deskView = new DeskView(desk);
        layers.getChildren()
                .addAll(
                        frame,
                        IdleOverlay.of(vm),
                        DeskOverlays.sessionWarning(vm, desk),
                        DeskOverlays.outOfService(vm, desk),
                        deskView.node(),
                        DeskOverlays.corner(desk));

        vm.screenProperty().addListener((obs, was, is) -> {
            pageModel = pages.model(is);
            render();
        });
        vm.stringsProperty().addListener((obs, was, is) -> render());
        vm.textSizeProperty().addListener((obs, was, is) -> scale());
        vm.highContrastProperty().addListener((obs, was, is) -> {
            layers.getStyleClass().remove("high-contrast");
            if (is) {
                layers.getStyleClass().add("high-contrast");
            }
        });
        vm.sync().onlineProperty().addListener((obs, was, is) -> render());
        vm.sync().enrolledProperty().addListener((obs, was, is) -> render());
        desk.desk().helpRequestedProperty().addListener((obs, was, is) -> renderTopBar(vm.strings()));
        desk.desk().sessionProperty().addListener((obs, was, is) -> renderTopBar(vm.strings()));
        desk.desk().nowServingProperty().addListener((obs, was, is) -> {
            if (vm.screen() instanceof Screen.Welcome) {
                render();
            }
        });
        layers.widthProperty().addListener((obs, was, is) -> {
            scale();
            if ((is.doubleValue() < NARROW) != narrow) {
                renderTopBar(vm.strings());
            }
        });
        layers.heightProperty().addListener((obs, was, is) -> scale());
        // Any touch, click or key is a sign of life; filters see it before any control consumes it.
        layers.addEventFilter(MouseEvent.MOUSE_PRESSED, this::touched);
        layers.addEventFilter(TouchEvent.TOUCH_PRESSED, this::touched);
        layers.addEventFilter(KeyEvent.KEY_PRESSED, this::touched);

        int[] seconds = {0};
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> {
            vm.idle().tick();
            desk.tick();
            if (++seconds[0] % 5 == 0) {
                vm.sync().refresh();
            }
        }));
        ticker.setCycleCount(Timeline.INDEFINITE);
        // The field being typed in stays in view when the keyboard takes the bottom of the screen.
        scroller.viewportBoundsProperty()
                .addListener((obs, was, is) -> javafx.application.Platform.runLater(this::revealTypingField));
        dock.keyboard()
                .targetProperty()
                .addListener((obs, was, is) -> javafx.application.Platform.runLater(this::revealTypingField));
        layers.sceneProperty().addListener((obs, was, is) -> {
            if (is != null) {
                uncache(); // the first page's skins are made only once it is in a scene
            }
        });
        pageModel = pages.model(vm.screen());
        render();
        scale();
    }

    /**
     * Scroll panes' skins (the page's, a text area's, a list's) cache their viewport as an image. Each new
     * page takes a new image from the renderer's pool, and the software renderer never gave them back:
     * 0.3 MB a citizen, for good. Pages are small; they are drawn afresh instead.
     */
    private void uncache() {
        layers.applyCss();
        layers.layout();
        Ui.uncache(layers);
    }

    private void revealTypingField() {
        Node field = dock.keyboard().getTarget();
        if (field == null || !dock.node().isVisible() || field.getScene() == null) {
            return;
        }
        content.applyCss();
        content.layout();
        javafx.geometry.Bounds b = content.sceneToLocal(field.localToScene(field.getBoundsInLocal()));
        double viewport = scroller.getViewportBounds().getHeight();
        double extra = content.getLayoutBounds().getHeight() - viewport;
        if (b == null || extra <= 0) {
            return;
        }
        double top = scroller.getVvalue() * extra;
        if (b.getMaxY() > top + viewport) {
            scroller.setVvalue(Math.min(1, (b.getMaxY() + 8 - viewport) / extra));
        } else if (b.getMinY() < top) {
            scroller.setVvalue(Math.max(0, (b.getMinY() - 8) / extra));
        }
    }

    public Parent root() {
        return layers;
    }

    /**
     * The view model of the page on screen (a {@code QuestionViewModel} on a question, a
     * {@code ReviewViewModel} on the review...): what a driver acting as the citizen types into, so the page
     * shows what it types, as it would under a finger.
     */
    public Object pageModel() {
        return pageModel;
    }

    /** Starts the once-a-second idle tick and the sync state reading; stopped on close. */
    public void startTicking() {
        ticker.play();
    }

    public void stopTicking() {
        ticker.stop();
    }

    private void touched(Event e) {
        desk.touched();
        // While "Are you still there?" shows, its buttons decide. A touch hiding it would also disarm the
        // button being pressed, and "Finish now" would do nothing.
        if (!vm.idle().warningProperty().get()) {
            vm.idle().touched();
        }
    }

    private void render() {
        Strings s = vm.strings();
        dock.detach();
        dock.words(s);
        PageView page = pages.view(vm.screen(), pageModel);
        Node body = page.body();
        content.getChildren().setAll(body);
        StackPane.setAlignment(body, Pos.TOP_CENTER);
        scroller.setVvalue(0);
        renderTopBar(s);
        renderBottomBar(s, page);
        layers.setId("screen-" + vm.screen().getClass().getSimpleName().toLowerCase(Locale.ROOT));
        uncache();
    }

    private void renderTopBar(Strings s) {
        Label title = new Label(s.get("app.title"));
        title.getStyleClass().add("app-title");
        // Below full HD the bar's buttons (help among them) need the room; the title is the least needed there.
        title.visibleProperty().bind(layers.widthProperty().greaterThanOrEqualTo(1400));
        title.managedProperty().bind(title.visibleProperty());
        boolean enrolled = vm.sync().enrolledProperty().get();
        boolean online = vm.sync().online();
        // On the 7-inch screen every button keeps its words whole; the status and help say it shorter.
        narrow = layers.getWidth() > 0 && layers.getWidth() < NARROW;
        Label status = new Label(s.get(
                !enrolled
                        ? "status.notReady"
                        : online ? "status.online" : narrow ? "status.offline.short" : "status.offline"));
        status.setId("sync-status");
        status.getStyleClass().add("sync-status");
        javafx.scene.shape.Circle dot = new javafx.scene.shape.Circle(6);
        dot.getStyleClass().add("circle");
        status.setGraphic(dot);
        status.pseudoClassStateChanged(OFFLINE, !online);
        status.setWrapText(true);
        HBox.setHgrow(status, javafx.scene.layout.Priority.SOMETIMES);
        topBar.getChildren().setAll(title, status, Ui.grow());
        if (desk.desk().sessionProperty().get() != null) {
            Label left = new Label();
            left.textProperty()
                    .bind(Bindings.createStringBinding(
                            () -> s.get(
                                    narrow ? "session.left.short" : "session.left",
                                    "time",
                                    desk.desk().sessionLeftProperty().get()),
                            desk.desk().sessionLeftProperty()));
            left.getStyleClass().add("session-left");
            left.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            left.setId("session-left");
            topBar.getChildren().add(left);
        }
        boolean called = desk.desk().helpRequestedProperty().get();
        Button help = Ui.button(
                s.get(called ? "help.coming" : narrow ? "help.call.short" : "help.call"),
                "help",
                "bar-button",
                "help-button");
        help.setId("help");
        help.setDisable(called);
        help.setOnAction(e -> desk.desk().requestHelp("screen"));
        topBar.getChildren().add(help);
        for (String locale : vm.locales()) {
            if (!locale.equals(vm.locale())) {
                Button lang = Ui.button(vm.languageName(locale), "globe", "bar-button");
                lang.setId("bar-language-" + locale);
                lang.setOnAction(e -> vm.language(locale));
                topBar.getChildren().add(lang);
            }
        }
        Button size = Ui.button(s.get("nav.textSize"), "text", "bar-button");
        size.setId("text-size");
        size.setOnAction(e -> vm.nextTextSize());
        Button contrast = Ui.button(s.get("nav.contrast"), "contrast", "bar-button");
        contrast.setId("contrast");
        contrast.setOnAction(
                e -> vm.highContrastProperty().set(!vm.highContrastProperty().get()));
        topBar.getChildren().addAll(size, contrast);
        if (!(vm.screen() instanceof Screen.Welcome)) {
            Button finish = Ui.button(s.get("nav.finish"), "close", "bar-button", "finish-button");
            finish.setId("finish");
            finish.setAccessibleText(s.get("nav.finish.hint"));
            finish.setOnAction(e -> vm.finish());
            topBar.getChildren().add(finish);
        }
        for (Node n : topBar.getChildren()) {
            if (n instanceof Button b) {
                b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        }
    }

    private void renderBottomBar(Strings s, PageView page) {
        bottomBar.getChildren().clear();
        if (vm.canGoBack().get()) {
            Button back = Ui.button(s.get("nav.back"), "back", "secondary", "back-button");
            back.setId("back");
            back.setOnAction(e -> vm.back());
            bottomBar.getChildren().add(back);
        }
        bottomBar.getChildren().add(Ui.grow());
        bottomBar.getChildren().addAll(page.actions());
        boolean hasContent =
                bottomBar.getChildren().size() > 1 || vm.canGoBack().get();
        // On the 7-inch screen the keyboard needs the bar's height to leave the question and its field in
        // view; while typing, the keyboard's Done key is the page's Continue.
        bottomBar.visibleProperty().unbind();
        bottomBar
                .visibleProperty()
                .bind(dock.node()
                        .visibleProperty()
                        .and(layers.heightProperty().lessThan(SHORT_SCREEN))
                        .not()
                        .and(new javafx.beans.property.SimpleBooleanProperty(hasContent)));
        bottomBar.managedProperty().bind(bottomBar.visibleProperty());
    }

    /**
     * Everything is sized in em from the root font: 18 px at 1280×800, scaled with the window (not below what
     * keeps text readable on the 7-inch 800×480 screen) and by the citizen's text size step.
     */
    private void scale() {
        double w = layers.getWidth() > 0 ? layers.getWidth() : 1280;
        double h = layers.getHeight() > 0 ? layers.getHeight() : 800;
        double window = Math.max(0.78, Math.min(1.5, Math.min(w / 1280, h / 800)));
        double step = switch (vm.textSizeProperty().get()) {
            case 1 -> 1.25;
            case 2 -> 1.5;
            default -> 1.0;
        };
        layers.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", BASE_FONT * window * step));
    }
}
