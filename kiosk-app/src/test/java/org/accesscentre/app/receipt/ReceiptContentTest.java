package org.accesscentre.app.receipt;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.accesscentre.app.receipt.ReceiptContent.Labels;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReceiptContentTest {

    @ParameterizedTest
    @CsvSource({
        "heading[1], 120",
        "serviceTitle, 120",
        "centreAndKiosk, 120",
        "dateTime, 120",
        "fee, 120",
        "whatHappensNext, 1000",
        "whatToBring[2], 200",
        "offlineNote, 400",
        "footer, 400",
        "qrPayload, 200",
        "localeTag, 35",
        "labels.reference, 60",
        "labels.whatHappensNext, 60",
        "labels.whatToBring, 60",
    })
    void anOversizePartIsRefusedByName(String part, int limit) {
        String atLimit = part.equals("localeTag") ? "en-" + "x".repeat(limit - 3) : "x".repeat(limit);
        // The limit itself is fine (an odd locale tag aside, which is checked for form below).
        if (!part.equals("localeTag")) {
            assertDoesNotThrow(() -> with(part, atLimit));
        }

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> with(part, atLimit + "x"));
        assertTrue(e.getMessage().startsWith(part + " is " + (limit + 1) + " characters"), e.getMessage());
    }

    @Test
    void tooManyLinesAreRefusedByName() {
        List<String> five = Collections.nCopies(5, "Government");
        IllegalArgumentException heading = assertThrows(IllegalArgumentException.class, () -> copy(five, null));
        assertTrue(heading.getMessage().startsWith("heading has 5 lines"), heading.getMessage());

        List<String> thirteen = Collections.nCopies(13, "Passport");
        IllegalArgumentException bring = assertThrows(IllegalArgumentException.class, () -> copy(null, thirteen));
        assertTrue(bring.getMessage().startsWith("whatToBring has 13 lines"), bring.getMessage());
    }

    @Test
    void aMissingPartIsRefusedByName() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> with("serviceTitle", null));
        assertEquals("serviceTitle", e.getMessage());
        NullPointerException label = assertThrows(
                NullPointerException.class, () -> new Labels("Your reference number", null, "What to bring"));
        assertEquals("labels.whatHappensNext", label.getMessage());
    }

    @Test
    void feeAndOfflineNoteMayBeAbsent() {
        ReceiptContent free = with("fee", null);
        assertNull(free.fee());
        assertNull(free.offlineNote());
    }

    @Test
    void listsAreCopiedSoTheReceiptCannotChangeAfterwards() {
        List<String> bring = new ArrayList<>(List.of("This receipt"));
        ReceiptContent receipt = copy(null, bring);
        bring.add("A cheque");

        assertEquals(List.of("This receipt"), receipt.whatToBring());
        assertThrows(
                UnsupportedOperationException.class, () -> receipt.whatToBring().add("x"));
    }

    @Test
    void localeTagMustBeWellFormed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> with("localeTag", "en_GB"));
        assertTrue(e.getMessage().startsWith("localeTag 'en_GB'"), e.getMessage());
        assertEquals(Locale.FRENCH, with("localeTag", "fr").locale());
    }

    @Test
    void anEmptyQrPayloadIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> with("qrPayload", ""));
        assertTrue(e.getMessage().startsWith("qrPayload"), e.getMessage());
    }

    /** The English sample with one part replaced. */
    private static ReceiptContent with(String part, @Nullable String value) {
        ReceiptContent r = SampleReceipts.english();
        Labels l = r.labels();
        List<String> heading = new ArrayList<>(r.heading());
        List<String> bring = new ArrayList<>(r.whatToBring());
        if (part.equals("heading[1]")) {
            heading.set(1, value);
        }
        if (part.equals("whatToBring[2]")) {
            bring.set(2, value);
        }
        return new ReceiptContent(
                heading,
                r.reference(),
                pick(part, "serviceTitle", value, r.serviceTitle()),
                pick(part, "centreAndKiosk", value, r.centreAndKiosk()),
                pick(part, "dateTime", value, r.dateTime()),
                part.equals("fee") ? value : r.fee(),
                pick(part, "whatHappensNext", value, r.whatHappensNext()),
                bring,
                part.equals("offlineNote") ? value : r.offlineNote(),
                pick(part, "footer", value, r.footer()),
                pick(part, "qrPayload", value, r.qrPayload()),
                pick(part, "localeTag", value, r.localeTag()),
                new Labels(
                        pick(part, "labels.reference", value, l.reference()),
                        pick(part, "labels.whatHappensNext", value, l.whatHappensNext()),
                        pick(part, "labels.whatToBring", value, l.whatToBring())));
    }

    /** May return null on purpose, to see it refused. */
    private static @Nullable String pick(String part, String name, @Nullable String value, String original) {
        return part.equals(name) ? value : original;
    }

    private static ReceiptContent copy(@Nullable List<String> heading, @Nullable List<String> bring) {
        ReceiptContent r = SampleReceipts.english();
        return new ReceiptContent(
                heading != null ? heading : r.heading(),
                r.reference(),
                r.serviceTitle(),
                r.centreAndKiosk(),
                r.dateTime(),
                r.fee(),
                r.whatHappensNext(),
                bring != null ? bring : r.whatToBring(),
                r.offlineNote(),
                r.footer(),
                r.qrPayload(),
                r.localeTag(),
                r.labels());
    }
}
