package org.accesscentre.core.submission;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.accesscentre.core.answer.Answer;
import org.accesscentre.core.answer.AnswerCodec;
import org.accesscentre.core.answer.Answers;
import org.accesscentre.core.answer.Stroke;
import org.accesscentre.core.catalogue.Catalogue;
import org.accesscentre.core.catalogue.Service;
import org.accesscentre.core.catalogue.TestCatalogue;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.core.seal.Binding;
import org.accesscentre.core.seal.Opener;
import org.accesscentre.core.seal.Sealer;
import org.accesscentre.core.store.OutboxItem;
import org.accesscentre.core.store.Receipt;
import org.accesscentre.core.store.SqliteStore;
import org.accesscentre.core.store.StoreOptions;
import org.accesscentre.core.store.SubmissionRecord;
import org.accesscentre.core.store.SyncState;
import org.accesscentre.core.validation.Check;
import org.accesscentre.core.validation.Validator;
import org.accesscentre.core.validation.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmitterTest {
    private static final Instant NOW = Instant.parse("2026-11-22T14:30:00Z");
    private static final KeyPair PORTAL = Keys.generate(Keys.X25519);

    @TempDir
    Path dir;

    private final Catalogue catalogue = TestCatalogue.load();
    private final Service birth = catalogue.service("birth-certificate").orElseThrow();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    private Answers answers() {
        return Answers.empty()
                .with("full-name", new Answer.Text("Marie Joseph"))
                .with("date-of-birth", new Answer.Day(LocalDate.of(1985, 3, 27)))
                .with("for-whom", new Answer.Choice("self"))
                .with("national-id", new Answer.Text("A123456"))
                .with("copies", new Answer.Number(BigDecimal.ONE))
                .with("agree", new Answer.YesNo(true))
                .with("signature", new Answer.Signature(List.of(new Stroke(new int[] {10, 10, 50, 40, 90, 20}))));
    }

    @Test
    void aSubmissionIsStoredSealedAndOnlyThePortalCanReadIt() throws Exception {
        Path file = dir.resolve("kiosk.db");
        try (SqliteStore store = SqliteStore.open(file, StoreOptions.DEFAULTS)) {
            Submitter submitter = submitter(store);
            Receipt receipt = submitter.submit(birth, answers(), "fr");
            assertEquals(
                    "SOU-03-000001-" + receipt.reference().check(),
                    receipt.reference().toString());

            SubmissionRecord record = store.lookup(receipt.reference()).orElseThrow();
            assertEquals(SyncState.QUEUED, record.syncState());
            assertEquals(2500, record.feeCents());
            assertEquals("XCD", record.currency());
            assertEquals(NOW, record.createdAt());

            OutboxItem item = store.takeBatch(10, Long.MAX_VALUE, NOW).getFirst();
            byte[] plain = new Opener(List.of(PORTAL))
                    .open(item.sealed(), new Binding(item.transactionId(), item.serviceId(), item.serviceVersion()));
            Payload payload = PayloadCodec.decode(plain);
            assertEquals("fr", payload.locale());
            assertEquals(7, payload.catalogueVersion());
            Answers opened = AnswerCodec.decode(birth, payload.answers(), payload.enteredBy())
                    .answers();
            assertEquals(answers(), opened);
            assertEquals(List.of(), new Validator(catalogue).validate(birth, opened, LocalDate.of(2026, 11, 22)));
        }
        byte[] onDisk = Files.readAllBytes(file);
        byte[] wal = Files.exists(dir.resolve("kiosk.db-wal"))
                ? Files.readAllBytes(dir.resolve("kiosk.db-wal"))
                : new byte[0];
        for (byte[] bytes : List.of(onDisk, wal)) {
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            assertFalse(text.contains("Marie"), "a name in clear on disk");
            assertFalse(text.contains("A123456"), "an ID number in clear on disk");
        }
    }

    @Test
    void invalidAnswersAreRefusedAndNothingIsStored() throws Exception {
        try (SqliteStore store = SqliteStore.open(dir.resolve("kiosk.db"), StoreOptions.DEFAULTS)) {
            InvalidSubmissionException e = assertThrows(
                    InvalidSubmissionException.class,
                    () -> submitter(store).submit(birth, answers().without("agree"), "en"));
            assertEquals(List.of(new Violation("agree", Check.CONSENT_REQUIRED)), e.violations());
            assertEquals(0, store.stats(NOW).depth());
        }
    }

    @Test
    void answersToQuestionsNoLongerAskedAreNeverSealed() throws Exception {
        try (SqliteStore store = SqliteStore.open(dir.resolve("kiosk.db"), StoreOptions.DEFAULTS)) {
            Answers changedMind = answers().with("child-name", new Answer.Text("Kai Joseph"));
            submitter(store).submit(birth, changedMind, "en");
            OutboxItem item = store.takeBatch(1, Long.MAX_VALUE, NOW).getFirst();
            byte[] plain = new Opener(List.of(PORTAL))
                    .open(item.sealed(), new Binding(item.transactionId(), item.serviceId(), item.serviceVersion()));
            assertFalse(PayloadCodec.decode(plain).answers().has("child-name"));
            assertFalse(new String(plain, StandardCharsets.ISO_8859_1).contains("Kai"));
        }
    }

    @Test
    void everyReceiptHasItsOwnTransactionAndNextSequence() throws Exception {
        try (SqliteStore store = SqliteStore.open(dir.resolve("kiosk.db"), StoreOptions.DEFAULTS)) {
            Submitter submitter = submitter(store);
            Receipt a = submitter.submit(birth, answers(), "en");
            Receipt b = submitter.submit(birth, answers(), "en");
            assertEquals(a.reference().sequence() + 1, b.reference().sequence());
            assertTrue(!a.transactionId().equals(b.transactionId()));
            List<OutboxItem> items = store.takeBatch(10, Long.MAX_VALUE, NOW);
            assertFalse(
                    java.util.Arrays.equals(items.get(0).sealed(), items.get(1).sealed()));
            assertArrayEquals(items.get(0).sealed(), items.get(0).sealed());
        }
    }

    @Test
    void aPreparedSubmissionIsStoredOnceHoweverOftenItIsSent() throws Exception {
        try (SqliteStore store = SqliteStore.open(dir.resolve("kiosk.db"), StoreOptions.DEFAULTS)) {
            Submitter submitter = submitter(store);
            PreparedSubmission prepared = submitter.prepare(birth, answers(), "en");
            assertEquals(null, prepared.receipt());
            assertEquals(0, store.stats(NOW).depth(), "preparing writes nothing");
            Receipt first = submitter.submit(prepared);
            Receipt again = submitter.submit(prepared);
            assertEquals(first, again);
            assertEquals(prepared.transactionId(), first.transactionId());
            assertEquals(1, store.stats(NOW).depth());
        }
    }

    @Test
    void aFullStoreRefusesAndTheSamePreparedSubmissionCanBeSentLater() throws Exception {
        Path file = dir.resolve("kiosk.db");
        PreparedSubmission prepared;
        try (SqliteStore full = SqliteStore.open(file, StoreOptions.DEFAULTS.withMaxBytes(128 * 1024))) {
            Submitter submitter = submitter(full);
            prepared = submitter.prepare(birth, answers(), "en");
            org.accesscentre.core.store.StoreFullException e =
                    assertThrows(org.accesscentre.core.store.StoreFullException.class, () -> {
                        while (true) {
                            submitter.submit(submitter.prepare(birth, answers(), "en"));
                        }
                    });
            assertTrue(e.getMessage().startsWith("the store is full"));
            assertThrows(org.accesscentre.core.store.StoreFullException.class, () -> submitter.submit(prepared));
            assertEquals(null, prepared.receipt());
        }
        try (SqliteStore roomy = SqliteStore.open(file, StoreOptions.DEFAULTS)) {
            PreparedSubmission retried = submitter(roomy).prepare(birth, answers(), "en");
            assertEquals(
                    retried.transactionId(), submitter(roomy).submit(retried).transactionId());
        }
    }

    private Submitter submitter(SqliteStore store) {
        return new Submitter(
                store,
                new Sealer(PORTAL.getPublic(), clock),
                new Validator(catalogue),
                clock,
                ZoneId.of("America/St_Lucia"),
                "SOU",
                3);
    }
}
