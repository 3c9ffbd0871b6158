package org.accesscentre.app.receipt;

import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.accesscentre.core.reference.ReferenceNumber;
import org.jspecify.annotations.Nullable;

/**
 * Everything a receipt says, already in the citizen's language: the app translates, this package never does.
 * Blank texts are allowed and simply left off the paper, so a gap in the catalogue never stops a citizen
 * leaving with a receipt; absurdly long texts are refused, because they are a bug upstream and would print
 * a metre of paper.
 *
 * @param heading lines at the top, such as the country and "Community Access Centre"; may be empty
 * @param reference the citizen's reference number
 * @param serviceTitle such as "Birth certificate (copy)"
 * @param centreAndKiosk where it was sent from, such as "Soufrière Access Centre, kiosk 3"
 * @param dateTime when, as the app wrote it for this locale
 * @param fee such as "Fee: EC$ 25.00, pay at the desk"; null when the service is free
 * @param whatHappensNext a paragraph; a line break in it starts a new line
 * @param whatToBring one line each; may be empty
 * @param offlineNote said when the request is still waiting on this kiosk for the internet; null when sent
 * @param footer such as "Keep this receipt. Check progress at any access centre with your reference."
 * @param qrPayload the text in the QR code: the reference, as the kiosk's scanner reads it back
 * @param localeTag the BCP 47 tag of the language the texts are in, such as {@code fr} or {@code en-LC}
 * @param labels the receipt's own words around those parts
 */
public record ReceiptContent(
        List<String> heading,
        ReferenceNumber reference,
        String serviceTitle,
        String centreAndKiosk,
        String dateTime,
        @Nullable String fee,
        String whatHappensNext,
        List<String> whatToBring,
        @Nullable String offlineNote,
        String footer,
        String qrPayload,
        String localeTag,
        Labels labels) {

    // Limits are several times what a real catalogue needs; the layout wraps anything within them.
    public static final int MAX_HEADING_LINES = 4;
    public static final int MAX_LINE = 120;
    public static final int MAX_PARAGRAPH = 1000;
    public static final int MAX_BRING_ITEMS = 12;
    public static final int MAX_BRING_ITEM = 200;
    public static final int MAX_NOTE = 400;
    public static final int MAX_LABEL = 60;
    /** Longer than any BCP 47 tag a kiosk language needs (the standard advises at most 35). */
    public static final int MAX_LOCALE_TAG = 35;

    public ReceiptContent {
        heading = lines("heading", heading, MAX_HEADING_LINES, MAX_LINE);
        Objects.requireNonNull(reference, "reference");
        check("serviceTitle", serviceTitle, MAX_LINE);
        check("centreAndKiosk", centreAndKiosk, MAX_LINE);
        check("dateTime", dateTime, MAX_LINE);
        if (fee != null) {
            check("fee", fee, MAX_LINE);
        }
        check("whatHappensNext", whatHappensNext, MAX_PARAGRAPH);
        whatToBring = lines("whatToBring", whatToBring, MAX_BRING_ITEMS, MAX_BRING_ITEM);
        if (offlineNote != null) {
            check("offlineNote", offlineNote, MAX_NOTE);
        }
        check("footer", footer, MAX_NOTE);
        check("qrPayload", qrPayload, QrCodes.MAX_TEXT);
        if (qrPayload.isEmpty()) {
            throw new IllegalArgumentException("qrPayload is empty; it should be the reference");
        }
        check("localeTag", localeTag, MAX_LOCALE_TAG);
        try {
            new Locale.Builder().setLanguageTag(localeTag);
        } catch (IllformedLocaleException e) {
            throw new IllegalArgumentException("localeTag '" + localeTag + "' is not a BCP 47 language tag", e);
        }
        Objects.requireNonNull(labels, "labels");
    }

    public Locale locale() {
        return Locale.forLanguageTag(localeTag);
    }

    /**
     * The receipt's own words, translated by the app.
     *
     * @param reference above the reference number, such as "Your reference number"
     * @param whatHappensNext above that paragraph, such as "What happens next"
     * @param whatToBring above that list, such as "What to bring"
     */
    public record Labels(String reference, String whatHappensNext, String whatToBring) {
        public Labels {
            check("labels.reference", reference, MAX_LABEL);
            check("labels.whatHappensNext", whatHappensNext, MAX_LABEL);
            check("labels.whatToBring", whatToBring, MAX_LABEL);
        }
    }

    private static void check(String part, String value, int max) {
        Objects.requireNonNull(value, part);
        if (value.length() > max) {
            throw new IllegalArgumentException(
                    part + " is " + value.length() + " characters long; a receipt takes at most " + max);
        }
    }

    private static List<String> lines(String part, List<String> lines, int maxLines, int maxLine) {
        Objects.requireNonNull(lines, part);
        if (lines.size() > maxLines) {
            throw new IllegalArgumentException(
                    part + " has " + lines.size() + " lines; a receipt takes at most " + maxLines);
        }
        List<String> copy = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            check(part + "[" + i + "]", line, maxLine);
            copy.add(line);
        }
        return List.copyOf(copy);
    }
}
