package org.accesscentre.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.accesscentre.app.desk.Desks;
import org.accesscentre.core.answer.Answers;
import org.accesscentre.core.catalogue.Catalogue;
import org.accesscentre.core.catalogue.DemoCatalogue;
import org.accesscentre.core.catalogue.Service;
import org.accesscentre.core.seal.Binding;
import org.accesscentre.core.seal.Opener;
import org.accesscentre.core.store.Journal;
import org.accesscentre.core.store.OutboxItem;
import org.accesscentre.core.submission.Payload;
import org.accesscentre.core.submission.PayloadCodec;
import org.accesscentre.testing.RealisticAnswers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The attendant's flows through the real UI on a real store and a test clock: getting into attendant mode and
 * being locked out, timed sessions to their end and to closing time, the walk-in queue, filling in for a
 * citizen, cash for fees and the day's report, and Out of service.
 */
@ExtendWith(ApplicationExtension.class)
class AttendantFlowsTest {
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

    private void tapCorner(FxRobot robot, int times) {
        for (int i = 0; i < times; i++) {
            KioskUi.tap(robot, "#attendant-corner");
        }
    }

    private void typePin(FxRobot robot, String pin) {
        for (char c : pin.toCharArray()) {
            KioskUi.tap(robot, "#pin-" + c);
        }
        KioskUi.tap(robot, "#pin-ok");
    }

    /** Five taps in the corner, Marie, her PIN: attendant mode is open. */
    private void signIn(FxRobot robot) {
        tapCorner(robot, 5);
        KioskUi.tap(robot, "#attendant-att-1");
        typePin(robot, "2468");
        assertEquals(
                "Attendant mode: Marie",
                robot.lookup("#desk-title").queryLabeled().getText());
    }

    private String message(FxRobot robot) {
        return robot.lookup("#desk-message").queryLabeled().getText();
    }

    private List<String> journalled() throws Exception {
        return kiosk.store.journal().unsent(1000).stream()
                .map(Journal.Entry::kind)
                .toList();
    }

    private boolean showing(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(KioskUi::showing).orElse(false);
    }

    @Test
    void theCornerAndAPinOpenAttendantModeAndFiveWrongPinsLockIt(FxRobot robot) throws Exception {
        tapCorner(robot, 4);
        assertFalse(showing(robot, "#desk"), "four taps are not enough");
        kiosk.clock.advance(Duration.ofSeconds(5));
        tapCorner(robot, 1);
        assertFalse(showing(robot, "#desk"), "taps more than four seconds apart do not add up");
        tapCorner(robot, 4);
        assertTrue(showing(robot, "#desk"));

        KioskUi.tap(robot, "#attendant-att-2");
        for (int i = 1; i <= 4; i++) {
            typePin(robot, "0000");
            assertEquals(
                    "Wrong PIN. " + (5 - i) + (i == 4 ? " try" : " tries")
                            + " left before PIN entry is locked for a while.",
                    message(robot));
        }
        typePin(robot, "0000");
        assertEquals("Wrong PIN. PIN entry is locked until 10:00.", message(robot));
        typePin(robot, "1357"); // Joseph's right PIN, but locked
        assertTrue(message(robot).startsWith("Too many wrong PINs. Try again after 10:00"), message(robot));
        assertEquals(
                "Attendant mode", robot.lookup("#desk-title").queryLabeled().getText());

        kiosk.clock.advance(Duration.ofSeconds(31));
        typePin(robot, "1357");
        assertEquals(
                "Attendant mode: Joseph",
                robot.lookup("#desk-title").queryLabeled().getText());
        KioskUi.tap(robot, "#desk-close");
        assertFalse(showing(robot, "#desk"));
        assertEquals(
                List.of(
                        "attendant.pin_refused",
                        "attendant.pin_refused",
                        "attendant.pin_refused",
                        "attendant.pin_refused",
                        "attendant.pin_refused",
                        "attendant.signed_in",
                        "attendant.signed_out"),
                journalled());
    }

    @Test
    void attendantModeLeftOpenClosesItselfAndSignsTheAttendantOut(FxRobot robot) throws Exception {
        signIn(robot);
        kiosk.clock.advance(Duration.ofSeconds(90));
        robot.interact(() -> kiosk.desk.tick());
        assertTrue(showing(robot, "#desk"));
        KioskUi.tap(robot, "#tab-cash"); // a touch: the attendant is there
        kiosk.clock.advance(Duration.ofSeconds(90));
        robot.interact(() -> kiosk.desk.tick());
        assertTrue(showing(robot, "#desk"), "two minutes from the last touch, not from signing in");
        kiosk.clock.advance(Duration.ofSeconds(30));
        robot.interact(() -> kiosk.desk.tick());
        assertFalse(showing(robot, "#desk"));
        assertTrue(kiosk.desk.desk().attendant().isEmpty());
        List<String> kinds = journalled();
        assertEquals(
                List.of("attendant.timed_out", "attendant.signed_out"), kinds.subList(kinds.size() - 2, kinds.size()));
    }

    @Test
    void aSessionShowsItsTimeWarnsAndEndsWipingTheCitizensForm(FxRobot robot) throws Exception {
        signIn(robot);
        KioskUi.typeInto(robot, robot.lookup("#session-ticket").queryAs(Node.class), "a-004");
        KioskUi.tap(robot, "#start-session");
        assertTrue(robot.lookup("#session-state").queryLabeled().getText().contains("ticket A-004"));
        KioskUi.tap(robot, "#desk-close");
        assertEquals(
                "Time left: 30:00", robot.lookup("#session-left").queryLabeled().getText());

        kiosk.openForm(robot, CATALOGUE.service("feedback").orElseThrow());
        assertEquals("Question", kiosk.screen());
        kiosk.clock.advance(Duration.ofMinutes(25));
        robot.interact(() -> kiosk.desk.desk().tick());
        assertTrue(showing(robot, "#session-warning"));
        assertEquals(
                "5 min left. Finish what you are doing, or ask the attendant for more time.",
                robot.lookup("#session-warning-text").queryLabeled().getText());
        KioskUi.tap(robot, "#session-warning-ok");
        assertFalse(showing(robot, "#session-warning"));

        // The attendant gives five more minutes.
        signIn(robot);
        KioskUi.tap(robot, "#extend-5");
        assertTrue(robot.lookup("#session-state").queryLabeled().getText().startsWith("Session running: 10:00 left"));
        KioskUi.tap(robot, "#desk-close");
        assertEquals("Question", kiosk.screen(), "the citizen's page is where it was");

        kiosk.clock.advance(Duration.ofMinutes(9));
        robot.interact(() -> kiosk.desk.desk().tick());
        assertEquals(
                "1 min left. Finish what you are doing, or ask the attendant for more time.",
                robot.lookup("#session-warning-text").queryLabeled().getText());
        kiosk.clock.advance(Duration.ofMinutes(1));
        robot.interact(() -> kiosk.desk.desk().tick());
        assertEquals("Welcome", kiosk.screen(), "time up: the form is wiped");
        assertFalse(showing(robot, "#session-warning"));
        assertTrue(robot.lookup("#session-left").tryQuery().isEmpty());
        Journal.Entry ended = kiosk.store.journal().latest(1).getFirst();
        assertEquals("session.ended", ended.kind());
        assertEquals("time_up", ended.body().get("reason").asText());
        assertEquals(35 * 60, ended.body().get("seconds").asLong(), "30 minutes and the 5 the attendant gave");
    }

    @Test
    void anAttendantEndsASessionAndNoneStartsAfterClosingTime(FxRobot robot) throws Exception {
        signIn(robot);
        KioskUi.tap(robot, "#start-session");
        KioskUi.tap(robot, "#end-session");
        assertEquals("Session ended; the kiosk is ready for the next person.", message(robot));
        // 16:20: the centre closes at 16:30, so the session gets 10 minutes and says why.
        kiosk.clock.set(KioskUi.T0.plus(Duration.ofHours(6).plusMinutes(20)));
        KioskUi.tap(robot, "#start-session");
        assertTrue(robot.lookup("#session-state").queryLabeled().getText().endsWith("ends at closing time."));
        KioskUi.tap(robot, "#desk-close");
        kiosk.clock.advance(Duration.ofMinutes(5));
        robot.interact(() -> kiosk.desk.desk().tick());
        assertEquals(
                "The centre closes at 16:30. 5 min left.",
                robot.lookup("#session-warning-text").queryLabeled().getText());
        kiosk.clock.advance(Duration.ofMinutes(5));
        robot.interact(() -> kiosk.desk.desk().tick());
        assertEquals(
                "closing",
                kiosk.store.journal().latest(1).getFirst().body().get("reason").asText());
        signIn(robot);
        KioskUi.tap(robot, "#start-session");
        assertEquals("Not started: the centre is closed now; sessions start in opening hours.", message(robot));
    }

    @Test
    void ticketsAreIssuedAndCalledAndTheWelcomeScreenShowsNowServing(FxRobot robot) throws Exception {
        signIn(robot);
        KioskUi.tap(robot, "#issue-ticket");
        assertEquals("Ticket A-001 saved as a picture: ticket-a-001.png.", message(robot));
        KioskUi.tap(robot, "#issue-ticket");
        KioskUi.tap(robot, "#call-next");
        assertEquals("Now serving A-001.", message(robot));
        KioskUi.tap(robot, "#skip-ticket");
        assertEquals("Skipped. Now serving A-002.", message(robot));
        KioskUi.tap(robot, "#recall-1");
        assertEquals("Now serving A-001 again.", message(robot));
        KioskUi.tap(robot, "#desk-close");
        assertEquals(
                "Now serving: A-001",
                robot.lookup("#now-serving").queryLabeled().getText());
        assertTrue(journalled()
                .containsAll(List.of("queue.ticket_issued", "queue.called", "queue.skipped", "queue.recalled")));
    }

    @Test
    void answersTheAttendantEntersAreSealedAsTheirs(FxRobot robot) throws Exception {
        Service service = CATALOGUE.service("feedback").orElseThrow();
        Answers answers = RealisticAnswers.forService(
                CATALOGUE, service, new Random(11), LocalDate.ofInstant(KioskUi.T0, KioskUi.ZONE));
        kiosk.openForm(robot, service);
        String first = kiosk.fieldId();
        kiosk.answer(robot, answers.get(first).orElseThrow());

        // The citizen calls for help; the attendant comes and fills in the rest.
        KioskUi.tap(robot, "#help");
        assertTrue(kiosk.desk.desk().helpRequestedProperty().get());
        signIn(robot);
        KioskUi.tap(robot, "#help-answer");
        KioskUi.tap(robot, "#assist");
        assertEquals(
                "Marie is filling in for you",
                robot.lookup("#assist-banner .label").queryLabeled().getText());
        kiosk.answerUntilReview(robot, answers);
        KioskUi.tap(robot, "#send");
        assertEquals("Confirmation", kiosk.screen());

        List<OutboxItem> batch = kiosk.store.takeBatch(10, Long.MAX_VALUE, KioskUi.T0);
        OutboxItem item = batch.getFirst();
        Payload opened = PayloadCodec.decode(new Opener(List.of(kiosk.envelope))
                .open(item.sealed(), new Binding(item.transactionId(), service.id(), item.serviceVersion())));
        assertFalse(opened.enteredBy().containsKey(first), "the citizen's own answer is the citizen's");
        assertFalse(opened.enteredBy().isEmpty());
        assertTrue(
                opened.enteredBy().values().stream().allMatch("attendant:att-1"::equals),
                opened.enteredBy().toString());
        assertTrue(journalled().containsAll(List.of("help.requested", "help.answered", "assist.started")));
        KioskUi.tap(robot, "#another");
        assertTrue(
                robot.lookup("#assist-banner")
                        .tryQuery()
                        .map(n -> !KioskUi.showing(n))
                        .orElse(true),
                "the next citizen is not assisted");
    }

    @Test
    void cashIsTakenForFeesAndTheDayReportAddsUp(FxRobot robot) throws Exception {
        var a = Desks.feeRequest(kiosk.store, kiosk.clock, "birth-certificate", 2500);
        var b = Desks.feeRequest(kiosk.store, kiosk.clock, "business-name", 5000);
        Desks.feeRequest(kiosk.store, kiosk.clock, "birth-certificate", 2500);
        Desks.feeRequest(
                kiosk.store, kiosk.clock, "licence-renewal", 10_000); // paid at the agency: not in the desk's books
        signIn(robot);
        KioskUi.tap(robot, "#tab-cash");
        KioskUi.typeInto(robot, robot.lookup("#cash-receipt-" + a).queryAs(Node.class), "004512");
        KioskUi.tap(robot, "#confirm-" + a);
        assertEquals("Cash recorded for " + a + ": EC$ 25.00, receipt 004512.", message(robot));
        KioskUi.typeInto(robot, robot.lookup("#amount-" + b).queryAs(Node.class), "40");
        KioskUi.typeInto(robot, robot.lookup("#cash-receipt-" + b).queryAs(Node.class), "004512");
        KioskUi.tap(robot, "#confirm-" + b);
        assertEquals("Not recorded: cash receipt 004512 is already used for another request.", message(robot));
        KioskUi.typeInto(robot, robot.lookup("#amount-" + b).queryAs(Node.class), "40");
        KioskUi.typeInto(robot, robot.lookup("#cash-receipt-" + b).queryAs(Node.class), "004513");
        KioskUi.tap(robot, "#confirm-" + b);
        assertTrue(robot.lookup("#paid-" + b).queryLabeled().getText().startsWith("Paid EC$ 40.00"));

        assertEquals("3", robot.lookup("#report-total-1").queryLabeled().getText());
        assertEquals(
                "EC$ 100.00", robot.lookup("#report-total-2").queryLabeled().getText());
        assertEquals("EC$ 65.00", robot.lookup("#report-total-4").queryLabeled().getText());
        assertEquals(
                "1 (EC$ 25.00)", robot.lookup("#report-total-5").queryLabeled().getText());
        KioskUi.tap(robot, "#close-day");
        Journal.Entry closed = kiosk.store.journal().latest(1).getFirst();
        assertEquals("day.reconciled", closed.kind());
        assertEquals(6500, closed.body().get("confirmedCents").asLong());
        assertEquals(10_000, closed.body().get("expectedCents").asLong());
    }

    @Test
    void outOfServiceCoversTheKioskUntilTheAttendantUnlocksIt(FxRobot robot) throws Exception {
        kiosk.openForm(robot, CATALOGUE.service("feedback").orElseThrow());
        signIn(robot);
        KioskUi.tap(robot, "#tab-kiosk");
        assertEquals(
                "Not available on this machine",
                robot.lookup("#health-temperature").queryLabeled().getText().replace("⚠ ", ""));
        KioskUi.tap(robot, "#lock");
        KioskUi.tap(robot, "#desk-close");
        assertTrue(showing(robot, "#out-of-service"));
        assertEquals("Welcome", kiosk.screen(), "locking wipes what the citizen had entered");

        signIn(robot); // the corner still works over Out of service
        KioskUi.tap(robot, "#tab-kiosk");
        KioskUi.tap(robot, "#unlock");
        KioskUi.tap(robot, "#desk-close");
        assertFalse(showing(robot, "#out-of-service"));
        assertTrue(journalled().containsAll(List.of("kiosk.locked", "kiosk.unlocked")));
    }
}
