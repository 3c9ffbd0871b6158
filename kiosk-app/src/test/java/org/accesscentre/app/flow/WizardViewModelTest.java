package org.accesscentre.app.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.accesscentre.app.receipt.ReceiptContent;
import org.accesscentre.core.store.QueueStats;
import org.accesscentre.testing.InMemoryStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wizard without a toolkit: navigation, conditional questions, messages, language, idle, sending. */
class WizardViewModelTest {
    @TempDir
    Path dir;

    Kiosks k;
    InMemoryStore store;

    @BeforeEach
    void setUp() throws Exception {
        store = new InMemoryStore();
        k = new Kiosks(store, dir);
        k.shell.start();
        k.shell.openCategory("transport");
        k.shell.openService("licence-renewal");
        k.shell.beginForm("licence-renewal");
    }

    private void answerUpToAddressQuestion() {
        assertEquals("licence_number", k.fieldId());
        assertTrue(k.type("D045821"));
        assertTrue(k.type("Kervin Jn Baptiste"));
        assertTrue(k.date(27, 3, 1985));
        assertTrue(k.date(14, 8, 2025));
        assertEquals("address_changed", k.fieldId());
    }

    @Test
    void aNoSkipsTheQuestionsThatDependOnItAndTheProgressCountsOnlyQuestionsAsked() {
        answerUpToAddressQuestion();
        assertEquals("Question 5 of 9", k.question().progress().getValue());
        assertTrue(k.yesNo(false));
        assertEquals("health_problem", k.fieldId(), "new_address and new_district are skipped");
    }

    @Test
    void aYesAsksTheDependentQuestionsAndTheProgressGrows() {
        answerUpToAddressQuestion();
        assertTrue(k.yesNo(true));
        assertEquals("new_address", k.fieldId());
        assertEquals("Question 6 of 11", k.question().progress().getValue());
    }

    @Test
    void backKeepsSavedAnswersAndGoesToTheQuestionAskedBefore() {
        answerUpToAddressQuestion();
        k.yesNo(false);
        k.question().back();
        assertEquals("address_changed", k.fieldId());
        assertEquals(Boolean.FALSE, k.question().flagProperty().get(), "the saved answer is shown again");
        k.question().back();
        assertEquals("expiry_date", k.fieldId());
        assertEquals("14", k.question().dayProperty().get());
    }

    @Test
    void backFromTheFirstQuestionReturnsToTheServicePage() {
        k.question().back();
        assertEquals(new Screen.ServiceInfo("licence-renewal"), k.shell.screen());
    }

    @Test
    void aBlankRequiredAnswerSaysWhatToDoWithTheQuestionsOwnExample() {
        QuestionViewModel q = k.question();
        q.textProperty().set("  ");
        assertFalse(q.continueOn());
        assertEquals("licence_number", k.fieldId(), "the page stays");
        assertEquals("Enter an answer. For example, D045821", q.error().getValue());
    }

    @Test
    void aWrongDateSaysSoAndNamesTheExample() {
        k.type("D045821");
        k.type("Kervin Jn Baptiste");
        QuestionViewModel q = k.question();
        q.dayProperty().set("31");
        q.monthProperty().set("2");
        q.yearProperty().set("1985");
        q.continueOn();
        assertEquals(
                "Enter a real date, as day, month and year. For example, 27 3 1985",
                q.error().getValue());
    }

    @Test
    void aDateInTheFutureIsRefusedForABirthDate() {
        k.type("D045821");
        k.type("Kervin Jn Baptiste");
        QuestionViewModel q = k.question();
        q.dayProperty().set("1");
        q.monthProperty().set("1");
        q.yearProperty().set("2030");
        assertFalse(q.continueOn());
        assertEquals("The date must be in the past.", q.error().getValue());
    }

    @Test
    void switchingLanguageMidFormKeepsTheAnswersAndTheDraftAndTranslatesTheMessage() {
        k.type("D045821");
        QuestionViewModel q = k.question();
        q.textProperty().set("K");
        assertFalse(q.continueOn());
        k.shell.language("fr");
        assertEquals("Saisissez au moins 3 caractères.", q.error().getValue());
        assertEquals("Question 2 sur 9", q.progress().getValue());
        assertEquals("K", q.textProperty().get(), "the draft survives");
        q.back();
        assertEquals("D045821", k.question().textProperty().get(), "the saved answer survives");
        assertEquals("fr", k.shell.locale());
    }

    @Test
    void theReviewListsTheAskedQuestionsAndChangeReturnsToIt() {
        answerUpToAddressQuestion();
        k.yesNo(false);
        k.yesNo(false);
        k.pick("castries");
        k.type("758 284 5678");
        k.yesNo(true);
        assertInstanceOf(Screen.Review.class, k.shell.screen());
        ReviewViewModel review = k.shell.review();
        List<ReviewViewModel.Row> rows = review.rows();
        assertEquals(9, rows.size());
        assertEquals("27 March 1985", rows.get(2).answer());
        assertEquals("No", rows.get(4).answer());

        review.change("address_changed");
        assertEquals("address_changed", k.fieldId());
        k.yesNo(true);
        assertEquals("new_address", k.fieldId(), "a change that opens questions asks them first");
        k.type("Lot 12, Morne Du Don Road");
        k.pick("gros-islet");
        assertInstanceOf(Screen.Review.class, k.shell.screen(), "then back to the review, not the rest");
        assertEquals(11, k.shell.review().rows().size());
    }

    @Test
    void sendingTwiceSavesOnceAndTheConfirmationHasNoWayBack() throws Exception {
        answerUpToAddressQuestion();
        k.yesNo(false);
        k.yesNo(false);
        k.pick("castries");
        k.type("758 284 5678");
        k.yesNo(true);
        ReviewViewModel review = k.shell.review();
        review.send();
        review.send();
        k.shell.review().send();
        assertInstanceOf(Screen.Confirmation.class, k.shell.screen());
        assertEquals(1, store.counts().total(), "one request, however often Send was pressed");
        assertFalse(k.shell.canGoBack().get());
        k.shell.back();
        assertInstanceOf(Screen.Confirmation.class, k.shell.screen(), "back does nothing after sending");
        ConfirmationViewModel done = k.shell.confirmation();
        assertEquals("SOU 03 000001 " + done.reference().check(), done.referenceSpaced());
        assertEquals(
                new QueueStats(
                        1, 0, Duration.ZERO, store.stats(k.clock.instant()).bytesWaiting()),
                store.stats(k.clock.instant()));
    }

    @Test
    void printReceiptLaysItOutInTheCitizensLanguageAndSavesItWithTheOfflineNote() throws Exception {
        k.shell.language("fr");
        answerUpToAddressQuestion();
        k.yesNo(false);
        k.yesNo(false);
        k.pick("castries");
        k.type("758 284 5678");
        k.yesNo(true);
        k.shell.review().send();
        ConfirmationViewModel done = k.shell.confirmation();

        ReceiptContent content = done.receiptContent();
        assertEquals("fr", content.localeTag());
        assertEquals(done.reference(), content.reference());
        assertEquals(done.reference().toString(), content.qrPayload());
        assertEquals("Centre d'accès SOU, kiosque 3", content.centreAndKiosk());
        assertTrue(content.dateTime().startsWith("22 novembre 2026"), content.dateTime());
        assertNotNull(content.offlineNote(), "never synced: the receipt says it is only saved here");

        done.print();
        assertEquals("Votre reçu est prêt.", done.printStatusProperty().get());
        assertFalse(done.printingProperty().get());
        assertTrue(Files.size(dir.resolve("receipts").resolve(done.reference() + ".png")) > 1000);
        done.print();
        assertEquals("Votre reçu est prêt.", done.printStatusProperty().get(), "a reprint is allowed");
    }

    @Test
    void theConfirmationSaysPlainlyWhenTheRequestIsOnlySavedHere() throws Exception {
        answerUpToAddressQuestion();
        k.yesNo(false);
        k.yesNo(false);
        k.pick("castries");
        k.type("758 284 5678");
        k.yesNo(true);
        k.shell.review().send();
        k.shell.sync().refresh();
        assertTrue(k.shell.confirmation().delivery().getValue().contains("saved on this kiosk"));
    }

    @Test
    void theIdleWarningComesThirtySecondsBeforeTheWipeAndMoreTimeResetsIt() {
        k.type("D045821");
        IdleWatch idle = k.shell.idle();
        k.clock.advance(Duration.ofSeconds(59));
        idle.tick();
        assertFalse(idle.warningProperty().get());
        k.clock.advance(Duration.ofSeconds(1));
        idle.tick();
        assertTrue(idle.warningProperty().get());
        assertEquals(30, idle.secondsLeftProperty().get());
        k.clock.advance(Duration.ofSeconds(10));
        idle.tick();
        assertEquals(20, idle.secondsLeftProperty().get());
        idle.moreTime();
        assertFalse(idle.warningProperty().get());
        k.clock.advance(Duration.ofSeconds(89));
        idle.tick();
        assertEquals("full_name", k.fieldId(), "still there");
    }

    @Test
    void afterTheCountdownTheSessionIsWipedAndTheNextPersonStartsClean() {
        k.type("D045821");
        k.shell.language("fr");
        k.shell.nextTextSize();
        k.clock.advance(Duration.ofSeconds(90));
        k.shell.idle().tick();
        assertInstanceOf(Screen.Welcome.class, k.shell.screen());
        assertEquals("en", k.shell.locale());
        assertEquals(0, k.shell.textSizeProperty().get());
        k.shell.start();
        k.shell.openService("licence-renewal");
        k.shell.beginForm("licence-renewal");
        assertEquals("", k.question().textProperty().get(), "nothing of the last person remains");
    }

    @Test
    void finishWipesAtOnce() {
        k.type("D045821");
        k.shell.finish();
        assertInstanceOf(Screen.Welcome.class, k.shell.screen());
        assertFalse(k.shell.idle().watching());
    }
}
