package org.accesscentre.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.accesscentre.core.answer.Answer;
import org.accesscentre.core.answer.Answers;
import org.accesscentre.core.catalogue.Catalogue;
import org.accesscentre.core.catalogue.DemoCatalogue;
import org.accesscentre.core.catalogue.Service;
import org.accesscentre.testing.RealisticAnswers;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every screen at the two kiosk screen sizes, normal and high contrast, written as PNG files to look at
 * ({@code ./kiosk screenshots} puts them in {@code docs/screenshots}); and on each, the checks a person
 * looking would make: no text cut short with an ellipsis, no two controls on top of each other, and at
 * 1280×800 no touch target under 44 pixels.
 */
class ScreenshotsTest {
    private static final Catalogue CATALOGUE = DemoCatalogue.load();
    private static final double MIN_TARGET = 44;

    @TempDir
    Path dir;

    static Stream<Arguments> variants() {
        return Stream.of(
                Arguments.of(1280, 800, false),
                Arguments.of(1280, 800, true),
                Arguments.of(800, 480, false),
                Arguments.of(800, 480, true));
    }

    private static Path out() throws IOException {
        Path out = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        Files.createDirectories(out);
        return out;
    }

    @ParameterizedTest
    @MethodSource("variants")
    void everyScreen(int width, int height, boolean highContrast) throws Exception {
        FxRobot robot = new FxRobot();
        Stage stage = FxToolkit.registerPrimaryStage();
        KioskUi[] made = new KioskUi[1];
        FxToolkit.setupStage(s -> {
            try {
                made[0] = new KioskUi(s, dir, width, height);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        KioskUi kiosk = made[0];
        String suffix = width + "x" + height + (highContrast ? "-contrast" : "");
        List<String> problems = new ArrayList<>();
        Shooter shoot = name -> {
            WaitForAsyncUtils.waitForFxEvents();
            Parent root = stage.getScene().getRoot();
            problems.addAll(
                    WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> check(root, width >= 1280, name))));
            write(
                    WaitForAsyncUtils.waitFor(
                            WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null))),
                    out().resolve(name + "-" + suffix + ".png"));
        };
        try {
            robot.interact(() -> kiosk.shell.highContrastProperty().set(highContrast));
            shoot.take("01-welcome");
            KioskUi.tap(robot, "#start");
            robot.interact(() -> kiosk.shell.highContrastProperty().set(highContrast));
            shoot.take("02-categories");
            KioskUi.tap(robot, "#category-certificates");
            shoot.take("03-services");
            KioskUi.tap(robot, "#service-birth-certificate");
            shoot.take("04-service");
            KioskUi.tap(robot, "#begin");
            shoot.take("05-question-choice");
            Service service = CATALOGUE.service("birth-certificate").orElseThrow();
            Answers answers = RealisticAnswers.forService(
                    CATALOGUE, service, new Random(7), java.time.LocalDate.ofInstant(KioskUi.T0, KioskUi.ZONE));
            java.util.Set<String> shot = new java.util.HashSet<>();
            for (int step = 0; step < 40 && kiosk.screen().equals("Question"); step++) {
                String kind = kiosk.question()
                        .kind()
                        .name()
                        .toLowerCase(java.util.Locale.ROOT)
                        .replace('_', '-');
                if (shot.add(kind) && !kind.equals("choice")) {
                    shoot.take("06-question-" + kind);
                }
                if (kind.equals("text") && shot.add("error")) {
                    kiosk.continueOn(robot);
                    shoot.take("07-question-error");
                }
                Answer a = answers.get(kiosk.fieldId()).orElse(null);
                if (a == null) {
                    kiosk.skip(robot);
                } else {
                    kiosk.answer(robot, a);
                }
            }
            shoot.take("08-review");
            KioskUi.tap(robot, "#send");
            KioskUi.tap(robot, "#print");
            shoot.take("09-confirmation");
            String reference = robot.lookup("#reference").queryLabeled().getAccessibleText();
            KioskUi.tap(robot, "#another");
            KioskUi.tap(robot, "#lookup");
            robot.interact(() -> kiosk.shell.highContrastProperty().set(highContrast));
            KioskUi.typeInto(robot, robot.lookup("#reference-input").queryAs(Node.class), reference);
            KioskUi.tap(robot, "#check");
            shoot.take("10-lookup");
            robot.interact(() -> {
                kiosk.clock.advance(java.time.Duration.ofSeconds(65));
                kiosk.shell.idle().tick();
            });
            shoot.take("11-idle-warning");
            KioskUi.tap(robot, "#finish-now");
            KioskUi.tap(robot, "#bar-language-fr");
            robot.interact(() -> kiosk.shell.highContrastProperty().set(highContrast));
            shoot.take("12-welcome-fr");
            KioskUi.tap(robot, "#language-en");
            attendantScreens(robot, kiosk, shoot, highContrast);
        } finally {
            kiosk.close();
        }
        assertEquals(List.of(), problems);
        try (Stream<Path> files = Files.list(out())) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().endsWith(suffix + ".png")));
        }
    }

    /** Attendant mode's screens, and what the citizen sees of it. */
    private static void attendantScreens(FxRobot robot, KioskUi kiosk, Shooter shoot, boolean highContrast)
            throws Exception {
        for (int i = 0; i < 5; i++) {
            KioskUi.tap(robot, "#attendant-corner");
        }
        shoot.take("20-attendant-choose");
        KioskUi.tap(robot, "#attendant-att-1");
        for (char c : "24".toCharArray()) {
            KioskUi.tap(robot, "#pin-" + c);
        }
        shoot.take("21-attendant-pin");
        for (char c : "68".toCharArray()) {
            KioskUi.tap(robot, "#pin-" + c);
        }
        KioskUi.tap(robot, "#pin-ok");
        KioskUi.tap(robot, "#issue-ticket");
        KioskUi.tap(robot, "#issue-ticket");
        KioskUi.tap(robot, "#call-next");
        KioskUi.typeInto(robot, robot.lookup("#session-ticket").queryAs(Node.class), "A-001");
        KioskUi.tap(robot, "#start-session");
        robot.interact(() -> kiosk.desk.desk().requestHelp("screen"));
        shoot.take("22-attendant-session");
        KioskUi.tap(robot, "#help-answer");
        KioskUi.tap(robot, "#tab-cash");
        shoot.take("23-attendant-cash");
        KioskUi.tap(robot, "#tab-kiosk");
        shoot.take("24-attendant-kiosk");
        KioskUi.tap(robot, "#desk-close");
        robot.interact(() -> kiosk.shell.highContrastProperty().set(highContrast));
        shoot.take("25-welcome-now-serving");
        robot.interact(() -> {
            kiosk.clock.advance(java.time.Duration.ofMinutes(25));
            kiosk.desk.desk().tick();
        });
        shoot.take("26-session-warning");
        KioskUi.tap(robot, "#session-warning-ok");
        KioskUi.tap(robot, "#start");
        robot.interact(() -> kiosk.shell.highContrastProperty().set(highContrast));
        shoot.take("28-session-categories"); // the fullest top bar: status, time left, help, and Finish
        KioskUi.tap(robot, "#finish");
        robot.interact(() -> kiosk.desk.desk().maintenance().lock("out of service"));
        shoot.take("27-out-of-service");
        robot.interact(() -> kiosk.desk.desk().maintenance().unlock());
    }

    @FunctionalInterface
    private interface Shooter {
        void take(String name) throws Exception;
    }

    /** What a careful look at the screen would object to. */
    static List<String> check(Parent root, boolean checkTargets, String screen) {
        List<String> problems = new ArrayList<>();
        List<Node> controls = new ArrayList<>();
        walk(root, node -> {
            if (node.isCache()) {
                problems.add(screen + ": " + describe(node) + " is cached as an image (ShellView draws pages afresh)");
            }
            if (!showing(node)) {
                return;
            }
            if (node instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
                String shown = shownText(l);
                if (shown != null
                        && !shown.replace("\n", " ")
                                .strip()
                                .equals(l.getText().replace("\n", " ").strip())) {
                    problems.add(screen + ": text cut short: \"" + l.getText() + "\" shows as \"" + shown + "\"");
                }
            }
            if ((node instanceof ButtonBase || node instanceof TextInputControl)
                    && inView(node)
                    && !underOverlay(node)) {
                controls.add(node);
                Bounds b = node.getLayoutBounds();
                if (checkTargets && (b.getWidth() < MIN_TARGET || b.getHeight() < MIN_TARGET)) {
                    problems.add(screen + ": target " + describe(node) + " is " + (int) b.getWidth() + "x"
                            + (int) b.getHeight());
                }
            }
        });
        for (int i = 0; i < controls.size(); i++) {
            for (int j = i + 1; j < controls.size(); j++) {
                Node a = controls.get(i);
                Node b = controls.get(j);
                if (contains(a, b) || contains(b, a)) {
                    continue;
                }
                Bounds ba = visible(a);
                Bounds bb = visible(b);
                double w = Math.min(ba.getMaxX(), bb.getMaxX()) - Math.max(ba.getMinX(), bb.getMinX());
                double h = Math.min(ba.getMaxY(), bb.getMaxY()) - Math.max(ba.getMinY(), bb.getMinY());
                if (w > 1 && h > 1) {
                    problems.add(screen + ": " + describe(a) + " overlaps " + describe(b));
                }
            }
        }
        return problems;
    }

    /** The part of the node a person sees: its bounds cut to every scroll pane it is inside. */
    private static Bounds visible(Node node) {
        Bounds b = node.localToScene(node.getLayoutBounds());
        for (Node p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane sp) {
                Bounds v = sp.localToScene(sp.getLayoutBounds());
                double minX = Math.max(b.getMinX(), v.getMinX());
                double minY = Math.max(b.getMinY(), v.getMinY());
                double maxX = Math.min(b.getMaxX(), v.getMaxX());
                double maxY = Math.min(b.getMaxY(), v.getMaxY());
                b = new javafx.geometry.BoundingBox(minX, minY, Math.max(0, maxX - minX), Math.max(0, maxY - minY));
            }
        }
        return b;
    }

    private static boolean inView(Node node) {
        Bounds b = visible(node);
        return b.getWidth() > 1 && b.getHeight() > 1;
    }

    /** The layers over the page, bottom to top; each covers everything under it. */
    private static final List<String> OVERLAYS =
            List.of("#idle-warning", "#session-warning", "#out-of-service", "#desk");

    /** Under the topmost overlay showing (a warning's scrim, Out of service, attendant mode) nothing can be touched. */
    private static boolean underOverlay(Node node) {
        for (String id : OVERLAYS.reversed()) {
            Node overlay = node.getScene().lookup(id);
            if (overlay != null && showing(overlay)) {
                return !contains(overlay, node);
            }
        }
        return false;
    }

    private static boolean contains(Node outer, Node inner) {
        for (Node p = inner.getParent(); p != null; p = p.getParent()) {
            if (p == outer) {
                return true;
            }
        }
        return false;
    }

    private static boolean showing(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible() || n.getOpacity() == 0) {
                return false;
            }
        }
        return true;
    }

    /** The text the skin actually draws, which ends in an ellipsis when the label is too small. */
    private static String shownText(Labeled l) {
        if (l instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                if (child instanceof Text t) {
                    return t.getText();
                }
            }
        }
        return null;
    }

    private static String describe(Node n) {
        String text = n instanceof Labeled l ? " \"" + l.getText() + "\"" : "";
        return n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId()) + text;
    }

    private static void walk(Node node, java.util.function.Consumer<Node> visit) {
        visit.accept(node);
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child, visit);
            }
        }
    }

    static void write(WritableImage image, Path file) throws IOException {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(out, "png", file.toFile());
    }
}
