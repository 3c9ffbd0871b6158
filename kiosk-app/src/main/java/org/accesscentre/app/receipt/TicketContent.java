package org.accesscentre.app.receipt;

import java.util.List;
import java.util.Locale;

/**
 * A walk-in queue ticket, already in the citizen's language: the number is printed as large as the paper
 * takes, since it is what the citizen watches for on the screen.
 *
 * @param heading lines at the top, such as "Community Access Centre"; may be empty
 * @param ticket the queue number, such as {@code A-017}
 * @param centre such as "Soufrière Access Centre"
 * @param dateTime when, as the app wrote it for this locale
 * @param note such as "Wait for your number on the screen"; blank to leave it off
 * @param localeTag the BCP 47 tag of the language the texts are in
 */
public record TicketContent(
        List<String> heading, String ticket, String centre, String dateTime, String note, String localeTag) {
    /** A ticket number is read across the room: a few characters, such as {@code A-017}. */
    public static final int MAX_TICKET = 8;

    public TicketContent {
        heading = Texts.lines("heading", heading, ReceiptContent.MAX_HEADING_LINES, ReceiptContent.MAX_LINE);
        Texts.check("ticket", ticket, MAX_TICKET);
        if (ticket.isBlank()) {
            throw new IllegalArgumentException("ticket is blank; a queue ticket needs its number");
        }
        Texts.check("centre", centre, ReceiptContent.MAX_LINE);
        Texts.check("dateTime", dateTime, ReceiptContent.MAX_LINE);
        Texts.check("note", note, ReceiptContent.MAX_NOTE);
        Texts.localeTag(localeTag);
    }

    public Locale locale() {
        return Locale.forLanguageTag(localeTag);
    }
}
