package org.accesscentre.app.flow;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates as people in the Eastern Caribbean write them, day first, with the month in words ("27 March 1985",
 * "27 mars 1985"): a language's default format (US English puts the month first) would mislead.
 */
final class Dates {
    private Dates() {}

    static DateTimeFormatter written(Locale locale) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy", locale);
    }
}
