package org.accesscentre.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.accesscentre.app.KioskWindow;
import org.accesscentre.app.catalogue.CatalogueSource;
import org.accesscentre.app.desk.Desk;
import org.accesscentre.app.desk.DeskSettings;
import org.accesscentre.app.desk.DeskViewModel;
import org.accesscentre.app.desk.Desks;
import org.accesscentre.app.flow.KioskContext;
import org.accesscentre.app.flow.QuestionViewModel;
import org.accesscentre.app.flow.Screen;
import org.accesscentre.app.flow.ShellViewModel;
import org.accesscentre.app.receipt.PngReceiptPrinter;
import org.accesscentre.app.receipt.ReceiptPrinter;
import org.accesscentre.app.view.ShellView;
import org.accesscentre.core.answer.Answer;
import org.accesscentre.core.answer.Answers;
import org.accesscentre.core.catalogue.Service;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.core.state.DeviceState;
import org.accesscentre.core.state.Enrolment;
import org.accesscentre.core.store.SqliteStore;
import org.accesscentre.core.store.StoreOptions;
import org.accesscentre.device.config.IdlePolicy;
import org.accesscentre.device.config.SessionPolicy;
import org.accesscentre.testing.TestClock;
import org.testfx.api.FxRobot;
import org.testfx.robot.BaseRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole kiosk UI on a real SQLite store in a temporary directory, on a test clock, shown in a 1280×800
 * window under Monocle; and a finger that answers questions the way a citizen does, through the controls.
 */
final class KioskUi implements AutoCloseable {
    static final Instant T0 = Instant.parse("2026-11-22T14:00:00Z");
    static final ZoneId ZONE = ZoneId.of("America/St_Lucia");

    final TestClock clock = new TestClock(T0);
    final KeyPair envelope = Keys.generate(Keys.X25519);
    final Path dir;
    final SqliteStore store;
    final ShellViewModel shell;
    final DeskViewModel desk;
    final ShellView view;

    KioskUi(Stage stage, Path dir) throws Exception {
        this(stage, dir, 1280, 800);
    }

    KioskUi(Stage stage, Path dir, double width, double height) throws Exception {
        this(stage, dir, width, height, new PngReceiptPrinter(dir.resolve("receipts")));
    }

    /** With {@code printer} for the receipts: a thermal printer on a fake serial port, say. */
    KioskUi(Stage stage, Path dir, double width, double height, ReceiptPrinter printer) throws Exception {
        this.dir = dir;
        this.store = SqliteStore.open(SqliteStore.fileIn(dir), StoreOptions.DEFAULTS);
        DeviceState.write(store, DeviceState.ENROLMENT, new Enrolment("dev_test", "SOU", 3, 0, T0), T0);
        KioskContext ctx = new KioskContext(
                clock,
                ZONE,
                "SOU",
                3,
                envelope.getPublic(),
                store,
                CatalogueSource.open(store, List.of(Keys.generate(Keys.ED25519).getPublic()), dir.resolve("catalogue")),
                List.of("en", "fr"),
                IdlePolicy.DEFAULT,
                Runnable::run,
                Runnable::run,
                printer);
        this.shell = new ShellViewModel(ctx);
        this.desk = new DeskViewModel(
                new Desk(
                        ctx,
                        store.journal(),
                        new DeskSettings(List.of(Desks.MARIE, Desks.JOSEPH), SessionPolicy.DEFAULT, Desks.HOURS),
                        shell),
                shell,
                dir);
        this.view = new ShellView(shell, desk);
        stage.setScene(KioskWindow.scene(view, width, height));
        stage.show();
    }

    @Override
    public void close() throws org.accesscentre.core.store.StoreException {
        store.close();
    }

    String screen() {
        return shell.screen().getClass().getSimpleName();
    }

    String fieldId() {
        return ((Screen.Question) shell.screen()).fieldId();
    }

    QuestionViewModel question() {
        return shell.question(fieldId());
    }

    /** From the welcome screen to the first question of a service, as a citizen taps. */
    void openForm(FxRobot robot, Service service) {
        KioskUi.tap(robot, "#start");
        KioskUi.tap(robot, "#category-" + service.category());
        KioskUi.tap(robot, "#service-" + service.id());
        KioskUi.tap(robot, "#begin");
    }

    /** Answers questions until the review, failing on any question the UI refuses. */
    void answerUntilReview(FxRobot robot, Answers answers) {
        for (int step = 0; step < 40 && screen().equals("Question"); step++) {
            String field = fieldId();
            Optional<Answer> a = answers.get(field);
            if (a.isPresent()) {
                answer(robot, a.get());
            } else {
                skip(robot);
            }
            String error = robot.lookup("#error")
                    .tryQueryAs(Labeled.class)
                    .map(Labeled::getText)
                    .orElse("");
            assertEquals("", error, "question " + field + " refused " + a);
        }
        assertEquals("Review", screen());
    }

    /** Scrolls the page so the node is in view, then taps it. */
    static void tap(FxRobot robot, Node node) {
        reveal(robot, node);
        // A finger lands where it taps: the pointer jumps there, rather than gliding as a mouse does (the
        // glide costs a quarter of a second a tap), then presses and lifts through the platform's robot.
        Bounds b =
                WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> node.localToScreen(node.getBoundsInLocal())));
        BaseRobot base = robot.robotContext().getBaseRobot();
        base.moveMouse(new Point2D(b.getCenterX(), b.getCenterY()));
        base.pressMouse(MouseButton.PRIMARY);
        base.releaseMouse(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void tap(FxRobot robot, String query) {
        tap(robot, robot.lookup(query).queryAs(Node.class));
    }

    static void reveal(FxRobot robot, Node node) {
        robot.interact(() -> {
            for (Parent p = node.getParent(); p != null; p = p.getParent()) {
                if (p instanceof ScrollPane scroller) {
                    Node content = scroller.getContent();
                    Bounds b = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                    double viewport = scroller.getViewportBounds().getHeight();
                    double extra = content.getBoundsInLocal().getHeight() - viewport;
                    if (extra > 0) {
                        double top = b.getMinY() - (viewport - b.getHeight()) / 2;
                        scroller.setVvalue(Math.max(0, Math.min(1, top / extra)));
                    }
                    scroller.layout();
                    return;
                }
            }
        });
    }

    /** The one showing labeled node with this style class and exactly this text. */
    static Labeled labeled(FxRobot robot, String styleClass, String text) {
        List<Labeled> found = robot
                .lookup("." + styleClass)
                .match((Node n) -> n instanceof Labeled l && n.isVisible() && text.equals(l.getText()))
                .queryAllAs(Labeled.class)
                .stream()
                .toList();
        assertEquals(1, found.size(), "." + styleClass + " \"" + text + "\"");
        return found.getFirst();
    }

    /**
     * Taps the field and enters the text as the on-screen keyboard does, replacing what was there. (Typing
     * character by character through the robot costs a second a word; the keyboard's keys have their own
     * tests, and {@link #typeKeys} types for real where a flow needs key events.)
     */
    static void typeInto(FxRobot robot, Node field, String text) {
        tap(robot, field);
        TextInputControl t = (TextInputControl) field;
        robot.interact(() -> t.replaceText(0, t.getLength(), text));
    }

    /** Taps the field, clears it and types the text key by key. */
    static void typeKeys(FxRobot robot, Node field, String text) {
        tap(robot, field);
        TextInputControl t = (TextInputControl) field;
        robot.interact(t::clear);
        robot.write(text);
    }

    /** Answers the question on screen with {@code answer} through its control, then taps Continue. */
    void answer(FxRobot robot, Answer answer) {
        QuestionViewModel q = question();
        Node input = robot.lookup("#answer").queryAs(Node.class);
        switch (answer) {
            case Answer.Text t -> typeInto(robot, input, t.value());
            case Answer.Number n ->
                typeInto(robot, input, n.value().toPlainString().replace('.', q.decimalSeparator()));
            case Answer.Day d -> {
                typeInto(
                        robot,
                        robot.lookup(".date-day .date-field").queryAs(Node.class),
                        "" + d.value().getDayOfMonth());
                typeInto(
                        robot,
                        robot.lookup(".date-month .date-field").queryAs(Node.class),
                        "" + d.value().getMonthValue());
                typeInto(
                        robot,
                        robot.lookup(".date-year .date-field").queryAs(Node.class),
                        "" + d.value().getYear());
            }
            case Answer.Choice c
            when q.kind() == org.accesscentre.app.flow.InputKind.LIST -> {
                String label = label(q, c.value());
                typeInto(robot, robot.lookup(".search-field").queryAs(Node.class), label);
                tap(robot, labeled(robot, "search-row", label));
            }
            case Answer.Choice c -> tap(robot, labeled(robot, "choice-tile", label(q, c.value())));
            case Answer.Choices cs -> {
                for (String v : cs.values()) {
                    tap(robot, labeled(robot, "choice-tile", label(q, v)));
                }
            }
            case Answer.YesNo yn
            when q.kind() == org.accesscentre.app.flow.InputKind.CONSENT -> {
                assertTrue(yn.value(), "a consent question is answered by agreeing");
                tap(robot, robot.lookup(".choice-tile").queryAs(Node.class));
            }
            case Answer.YesNo yn -> tap(robot, yn.value() ? ".yes-tile" : ".no-tile");
            case Answer.Signature s -> {
                Node pad = robot.lookup(".signature-surface").queryAs(Node.class);
                reveal(robot, pad);
                Bounds b = pad.localToScreen(pad.getBoundsInLocal());
                robot.drag(b.getMinX() + b.getWidth() * 0.2, b.getMinY() + b.getHeight() * 0.6)
                        .moveTo(new javafx.geometry.Point2D(
                                b.getMinX() + b.getWidth() * 0.5, b.getMinY() + b.getHeight() * 0.3))
                        .moveTo(new javafx.geometry.Point2D(
                                b.getMinX() + b.getWidth() * 0.8, b.getMinY() + b.getHeight() * 0.6))
                        .release(javafx.scene.input.MouseButton.PRIMARY);
            }
        }
        continueOn(robot);
    }

    /** An optional question left blank: Continue straight away. */
    void skip(FxRobot robot) {
        continueOn(robot);
    }

    /**
     * Continue: the page's button, or on a short screen while typing, the keyboard's Done key (the page's
     * buttons give way to the keyboard there).
     */
    void continueOn(FxRobot robot) {
        Node button = robot.lookup("#continue").query();
        if (showing(button)) {
            tap(robot, button);
        } else {
            String done = shell.strings().get("keyboard.done");
            tap(
                    robot,
                    robot.lookup(".on-screen-keyboard .button")
                            .match((Node n) -> n instanceof Labeled l && done.equals(l.getText()))
                            .queryAs(Node.class));
        }
    }

    static boolean showing(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    static String label(QuestionViewModel q, String value) {
        return q.options().stream()
                .filter(o -> o.value().equals(value))
                .map(QuestionViewModel.Choice::label)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no option " + value + " in " + q.options()));
    }

    static String text(FxRobot robot, String query) {
        return Objects.requireNonNull(robot.lookup(query).queryLabeled().getText())
                .toLowerCase(Locale.ROOT);
    }

    static void press(FxRobot robot, KeyCode key) {
        robot.type(key);
    }
}
