package org.accesscentre.app.receipt;

import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Checks shared by the printable records, with messages naming the part that is wrong. */
final class Texts {
    private Texts() {}

    static void check(String part, String value, int max) {
        Objects.requireNonNull(value, part);
        if (value.length() > max) {
            throw new IllegalArgumentException(
                    part + " is " + value.length() + " characters long; a printout takes at most " + max);
        }
    }

    static List<String> lines(String part, List<String> lines, int maxLines, int maxLine) {
        Objects.requireNonNull(lines, part);
        if (lines.size() > maxLines) {
            throw new IllegalArgumentException(
                    part + " has " + lines.size() + " lines; a printout takes at most " + maxLines);
        }
        for (int i = 0; i < lines.size(); i++) {
            check(part + "[" + i + "]", lines.get(i), maxLine);
        }
        return List.copyOf(lines);
    }

    static void localeTag(String localeTag) {
        check("localeTag", localeTag, ReceiptContent.MAX_LOCALE_TAG);
        try {
            new Locale.Builder().setLanguageTag(localeTag);
        } catch (IllformedLocaleException e) {
            throw new IllegalArgumentException("localeTag '" + localeTag + "' is not a BCP 47 language tag", e);
        }
    }
}
