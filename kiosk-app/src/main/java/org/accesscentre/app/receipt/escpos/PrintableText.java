package org.accesscentre.app.receipt.escpos;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Text made fit for a printer's code page and wrapped by character count, since Font A is monospaced. See
 * {@link EscPosEncoder} for what is folded and what becomes {@code ?}.
 */
final class PrintableText {
    private PrintableText() {}

    /**
     * Composed accents (an {@code e} followed by a combining acute becomes one {@code é}, which CP858 has),
     * typographic punctuation folded to plain, and control characters other than line breaks as {@code ?}.
     */
    static String of(String text) {
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(composed.length());
        composed.codePoints().forEach(c -> out.append(fold(c)));
        return out.toString();
    }

    private static String fold(int c) {
        return switch (c) {
            case '\n', '\r' -> String.valueOf((char) c);
            case '\t' -> " ";
            case '\u2018', '\u2019', '\u201a', '\u2032' -> "'";
            case '\u201c', '\u201d', '\u201e', '\u2033' -> "\"";
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212' -> "-";
            case '\u2026' -> "...";
            case '\u2022', '\u00b7' -> "*";
            // French typography puts thin no-break spaces before ; : ! ? and inside guillemets.
            case '\u202f', '\u2007', '\u2009', '\u200a' -> "\u00a0";
            default ->
                Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? "?" : Character.toString(c);
        };
    }

    /**
     * Greedy word wrap at {@code max} characters. Runs of white space become one space; a no-break space keeps
     * its words together; a word longer than the line is broken between characters.
     */
    static List<String> wrap(String text, int max) {
        List<String> lines = new ArrayList<>();
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            return lines;
        }
        StringBuilder line = new StringBuilder();
        for (String word : stripped.split("\\s+")) {
            if (!line.isEmpty()) {
                if (length(line) + 1 + length(word) <= max) {
                    line.append(' ').append(word);
                    continue;
                }
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (length(rest) > max) {
                int cut = rest.offsetByCodePoints(0, max);
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        lines.add(line.toString());
        return lines;
    }

    /** One character on paper per code point: an unmappable one still prints as one {@code ?}. */
    private static int length(CharSequence text) {
        return (int) text.codePoints().count();
    }
}
