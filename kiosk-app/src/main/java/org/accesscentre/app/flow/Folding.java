package org.accesscentre.app.flow;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text as a search compares it: lower case, accents gone, so "soufriere" finds "Soufrière". */
final class Folding {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Folding() {}

    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }

    static String[] words(String text) {
        String folded = NOT_WORD.matcher(fold(text)).replaceAll(" ").strip();
        return folded.isEmpty() ? new String[0] : folded.split(" ");
    }
}
