package org.accesscentre.app.receipt;

import java.awt.Font;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Word wrap by measured width, for {@link ReceiptLayout}. */
final class TextWrap {
    private TextWrap() {}

    /**
     * Greedy word wrap by measured width. Runs of white space become one space; a non-breaking space keeps
     * its words together. A word wider than {@code max} is broken between characters (never inside one, so
     * an accent stays on its letter).
     */
    static List<String> wrap(String text, Font font, double max, Locale locale) {
        List<String> lines = new ArrayList<>();
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            return lines;
        }
        StringBuilder line = new StringBuilder();
        for (String word : stripped.split("\\s+")) {
            if (!line.isEmpty()) {
                if (ReceiptFonts.width(font, line + " " + word) <= max) {
                    line.append(' ').append(word);
                    continue;
                }
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(ReceiptFonts.width(font, word) <= max ? word : breakWord(word, font, max, locale, lines));
        }
        lines.add(line.toString());
        return lines;
    }

    /** Adds the full-width pieces of {@code word} to {@code lines} and returns the rest. */
    private static String breakWord(String word, Font font, double max, Locale locale, List<String> lines) {
        BreakIterator characters = BreakIterator.getCharacterInstance(locale);
        characters.setText(word);
        int start = 0;
        int last = characters.first();
        for (int end = characters.next(); end != BreakIterator.DONE; end = characters.next()) {
            // At least one character a line, even one wider than the paper, so this always ends.
            if (last > start && ReceiptFonts.width(font, word.substring(start, end)) > max) {
                lines.add(word.substring(start, last));
                start = last;
            }
            last = end;
        }
        return word.substring(start);
    }
}
