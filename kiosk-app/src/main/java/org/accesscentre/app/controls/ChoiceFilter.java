package org.accesscentre.app.controls;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The search behind {@link SearchableList}, as plain Java. A citizen may type without accents or capitals
 * ("soufriere" must find "Soufrière"), so both sides are folded first. Labels where the search starts a word
 * come before labels that merely contain it, because people type the start of the name they have in mind;
 * within each group the list keeps its own order.
 */
final class ChoiceFilter {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private ChoiceFilter() {}

    static List<Choice> filter(List<Choice> items, String search) {
        String wanted = fold(search);
        if (wanted.isEmpty()) {
            return List.copyOf(items);
        }
        List<Choice> wordStarts = new ArrayList<>();
        List<Choice> elsewhere = new ArrayList<>();
        for (Choice item : items) {
            String label = fold(item.label());
            if (startsAWord(label, wanted)) {
                wordStarts.add(item);
            } else if (label.contains(wanted)) {
                elsewhere.add(item);
            }
        }
        wordStarts.addAll(elsewhere);
        return wordStarts;
    }

    /** Lower case, accents and other combining marks taken off, runs of spaces made one, ends trimmed. */
    static String fold(String text) {
        String bare =
                MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return SPACES.matcher(bare.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    private static boolean startsAWord(String label, String wanted) {
        for (int at = label.indexOf(wanted); at >= 0; at = label.indexOf(wanted, at + 1)) {
            if (at == 0 || !Character.isLetterOrDigit(label.codePointBefore(at))) {
                return true;
            }
        }
        return false;
    }
}
