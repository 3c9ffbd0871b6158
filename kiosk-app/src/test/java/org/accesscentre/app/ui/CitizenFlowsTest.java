package org.accesscentre.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.accesscentre.app.flow.InputKind;
import org.accesscentre.core.answer.Answer;
import org.accesscentre.core.answer.Answers;
import org.accesscentre.core.catalogue.Catalogue;
import org.accesscentre.core.catalogue.DemoCatalogue;
import org.accesscentre.core.catalogue.Field;
import org.accesscentre.core.catalogue.FieldType;
import org.accesscentre.core.catalogue.Service;
import org.accesscentre.core.seal.Binding;
import org.accesscentre.core.seal.Opener;
import org.accesscentre.core.store.OutboxItem;
import org.accesscentre.core.submission.Payload;
import org.accesscentre.core.submission.PayloadCodec;
import org.accesscentre.testing.RealisticAnswers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The citizen's flows through the real UI, tapped and typed as a finger does, on a real store: every demo
 * service from the welcome screen to the printed receipt, the idle wipe, lookup by reference, and a language
 * switch in the middle of a form.
 */
@ExtendWith(ApplicationExtension.class)
class CitizenFlowsTest {
    private static final Catalogue CATALOGUE = DemoCatalogue.load();

    @TempDir
    Path dir;

    KioskUi kiosk;

    @Start
    void start(Stage stage) throws Exception {
        kiosk = new KioskUi(stage, dir);
    }

    @AfterEach
    void close() throws Exception {
        kiosk.close();
    }

    static Stream<String> services() {
        return CATALOGUE.services().stream().map(Service::id);
    }

    private Service service(String id) {
        return CATALOGUE.service(id).orElseThrow();
    }

    private Answers answersFor(Service service) {
        return RealisticAnswers.forService(
                CATALOGUE, service, new Random(service.id().hashCode()), LocalDate.ofInstant(KioskUi.T0, KioskUi.ZONE));
    }

    /** A free-text answer that can be changed to a longer one and stay valid. */
    private static Optional<Field> changeable(Service service, Answers answers) {
        return service.fields().stream()
                .filter(f -> f.type() == FieldType.TEXT || f.type() == FieldType.LONG_TEXT)
                .filter(f -> f.rules().pattern() == null)
                .filter(f -> answers.get(f.id()).orElse(null) instanceof Answer.Text t
                        && (f.rules().maxLength() == null
                                || t.value().length() + 12 <= f.rules().maxLength()))
                .findFirst();
    }

    @ParameterizedTest
    @MethodSource("services")
    void everyDemoServiceGoesFromTheWelcomeScreenToAPrintedReceipt(String serviceId, FxRobot robot) throws Exception {
        Service service = service(serviceId);
        Answers answers = answersFor(service);
        kiosk.openForm(robot, service);
        kiosk.answerUntilReview(robot, answers);

        // Check, and change one answer: the review shows the new one, and only it is sent.
        Field field = changeable(service, answers).orElseThrow(() -> new AssertionError("nothing to change"));
        String before = ((Answer.Text) answers.get(field.id()).orElseThrow()).value();
        assertTrue(reviewAnswers(robot).contains(before), "the review shows " + before);
        String after = before + " Marchand";
        KioskUi.tap(robot, "#change-" + field.id());
        assertEquals(field.id(), kiosk.fieldId());
        KioskUi.typeInto(robot, robot.lookup("#answer").queryAs(Node.class), after);
        KioskUi.tap(robot, "#continue");
        assertEquals("Review", kiosk.screen(), "a change goes straight back to the review");
        assertTrue(reviewAnswers(robot).contains(after));

        KioskUi.tap(robot, "#send");
        assertEquals("Confirmation", kiosk.screen());
        String reference = robot.lookup("#reference").queryLabeled().getAccessibleText();
        KioskUi.tap(robot, "#print");
        assertEquals(
                "Your receipt is ready.",
                robot.lookup("#print-status").queryLabeled().getText());
        assertTrue(Files.size(dir.resolve("receipts").resolve(reference + ".png")) > 1000);

        // On disk, sealed: the store holds one request under that reference, unreadable without the portal's key.
        assertEquals(1, kiosk.store.counts().queued());
        assertTrue(kiosk.store
                .lookup(org.accesscentre.core.reference.ReferenceNumber.parse(reference)
                        .orElseThrow())
                .isPresent());
        List<OutboxItem> batch = kiosk.store.takeBatch(10, Long.MAX_VALUE, KioskUi.T0);
        assertEquals(1, batch.size());
        OutboxItem item = batch.getFirst();
        assertEquals(serviceId, item.serviceId());
        assertFalse(new String(item.sealed(), StandardCharsets.ISO_8859_1).contains(after), "sealed, not plain");
        Payload opened = PayloadCodec.decode(new Opener(List.of(kiosk.envelope))
                .open(item.sealed(), new Binding(item.transactionId(), serviceId, item.serviceVersion())));
        assertEquals(after, opened.answers().get(field.id()).asText(), "the changed answer is what was sent");
        assertEquals(
                answers.values().keySet(),
                opened.answers().properties().stream()
                        .map(java.util.Map.Entry::getKey)
                        .collect(java.util.stream.Collectors.toSet()),
                "every answer given, and only those");

        KioskUi.tap(robot, "#another");
        assertEquals("Welcome", kiosk.screen());
    }

    private static String reviewAnswers(FxRobot robot) {
        return String.join(
                "\n",
                robot.lookup(".review-answer").queryAllAs(Labeled.class).stream()
                        .map(Labeled::getText)
                        .toList());
    }

    @Test
    void theIdleTimeoutWipesTheFormAndLeavesNoAnswerInTheSceneGraph(FxRobot robot) {
        Service service = service("licence-renewal");
        kiosk.openForm(robot, service);
        kiosk.answer(robot, new Answer.Text("D045821"));
        KioskUi.typeInto(robot, robot.lookup("#answer").queryAs(Node.class), "Kervin Jn Baptiste");
        assertTrue(sceneText(robot).contains("Kervin Jn Baptiste"));

        robot.interact(() -> {
            kiosk.clock.advance(Duration.ofSeconds(61));
            kiosk.shell.idle().tick();
        });
        assertTrue(robot.lookup("#idle-warning").query().isVisible(), "a warning comes first");
        robot.interact(() -> {
            kiosk.clock.advance(Duration.ofSeconds(30));
            kiosk.shell.idle().tick();
        });
        assertEquals("Welcome", kiosk.screen());
        String all = sceneText(robot);
        assertFalse(all.contains("Kervin"), "the name typed is gone from every node");
        assertFalse(all.contains("D045821"), "the licence number typed is gone from every node");

        // Starting again shows an empty form.
        kiosk.openForm(robot, service);
        assertEquals("", ((TextInputControl) robot.lookup("#answer").query()).getText());
    }

    @Test
    void theIdleWarningsButtonsDoWhatTheySay(FxRobot robot) {
        kiosk.openForm(robot, service("feedback"));
        robot.interact(() -> {
            kiosk.clock.advance(Duration.ofSeconds(61));
            kiosk.shell.idle().tick();
        });
        KioskUi.tap(robot, "#more-time");
        assertFalse(robot.lookup("#idle-warning").query().isVisible());
        assertEquals("Question", kiosk.screen(), "more time keeps the form");

        robot.interact(() -> {
            kiosk.clock.advance(Duration.ofSeconds(61));
            kiosk.shell.idle().tick();
        });
        // A tap on the dimmed page is not an answer: the warning stays until a button is chosen.
        KioskUi.tap(robot, robot.lookup("#idle-warning").queryAs(Node.class));
        assertTrue(robot.lookup("#idle-warning").query().isVisible());
        KioskUi.tap(robot, "#finish-now");
        assertEquals("Welcome", kiosk.screen(), "Finish now wipes at once");
        assertFalse(robot.lookup("#idle-warning").query().isVisible());
    }

    /** Every string any node in the window holds: labels, buttons, fields, and their accessible text. */
    private static String sceneText(FxRobot robot) {
        StringBuilder all = new StringBuilder();
        robot.interact(() -> collect(
                robot.listTargetWindows().stream()
                        .filter(w -> w.getScene() != null)
                        .findFirst()
                        .orElseThrow()
                        .getScene()
                        .getRoot(),
                all));
        return all.toString();
    }

    private static void collect(Node node, StringBuilder out) {
        if (node instanceof Labeled l && l.getText() != null) {
            out.append(l.getText()).append('\n');
        }
        if (node instanceof TextInputControl t) {
            out.append(t.getText()).append('\n');
        }
        if (node.getAccessibleText() != null) {
            out.append(node.getAccessibleText()).append('\n');
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, out);
            }
        }
    }

    @Test
    void aReferenceFromThisKioskIsLookedUpAndAMistypedOneIsExplained(FxRobot robot) throws Exception {
        Service service = service("report-problem");
        kiosk.openForm(robot, service);
        kiosk.answerUntilReview(robot, answersFor(service));
        KioskUi.tap(robot, "#send");
        String reference = robot.lookup("#reference").queryLabeled().getAccessibleText();
        KioskUi.tap(robot, "#another");

        KioskUi.tap(robot, "#lookup");
        KioskUi.typeInto(robot, robot.lookup("#reference-input").queryAs(Node.class), reference.toLowerCase());
        KioskUi.tap(robot, "#check");
        assertEquals("", robot.lookup("#lookup-error").queryLabeled().getText());
        assertFalse(robot.lookup("#lookup-heading").queryLabeled().getText().isEmpty());

        String wrong = reference.substring(0, reference.length() - 1) + (reference.endsWith("A") ? "B" : "A");
        KioskUi.typeInto(robot, robot.lookup("#reference-input").queryAs(Node.class), wrong);
        KioskUi.tap(robot, "#check");
        assertTrue(
                robot.lookup("#lookup-error").queryLabeled().getText().startsWith("Check the reference number"),
                robot.lookup("#lookup-error").queryLabeled().getText());
    }

    @Test
    void switchingToFrenchMidFormKeepsTheAnswersAndTranslatesThePage(FxRobot robot) {
        Service service = service("licence-renewal");
        kiosk.openForm(robot, service);
        kiosk.answer(robot, new Answer.Text("D045821"));
        KioskUi.typeKeys(robot, robot.lookup("#answer").queryAs(Node.class), "Kervin Jn Baptiste");
        String english = robot.lookup("#question").queryLabeled().getText();

        KioskUi.tap(robot, "#bar-language-fr");
        assertEquals("full_name", kiosk.fieldId(), "the same question");
        assertFalse(english.equals(robot.lookup("#question").queryLabeled().getText()), "in French now");
        assertEquals(
                "Kervin Jn Baptiste",
                ((TextInputControl) robot.lookup("#answer").query()).getText());
        assertEquals(
                "Continuer", robot.lookup("#continue").queryLabeled().getText().strip());

        KioskUi.tap(robot, "#continue");
        KioskUi.tap(robot, "#back");
        KioskUi.tap(robot, "#back");
        assertEquals("D045821", ((TextInputControl) robot.lookup("#answer").query()).getText(), "earlier answers kept");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(InputKind.TEXT, kiosk.question().kind());
    }
}
