package org.accesscentre.testing.answers;

import java.io.Serial;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads the common subset of regular expressions that {@link PatternSampler} samples. Anything else (negated
 * classes, look-around, back-references, flags) is refused rather than half-understood, because a sample of a
 * misread pattern would not match it.
 */
final class PatternParser {
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    /** How many repetitions an open quantifier ({@code * + {n,}}) adds at most. */
    private static final int OPEN_REPEAT = 4;

    private final String src;
    private int pos;

    private PatternParser(String src) {
        this.src = src;
    }

    /** The regex read, or empty if it uses a feature the parser does not know. */
    static Optional<Regex> parse(String regex) {
        try {
            PatternParser parser = new PatternParser(regex);
            Regex root = parser.alternation();
            return parser.atEnd() ? Optional.of(root) : Optional.empty();
        } catch (Unsupported e) {
            return Optional.empty();
        }
    }

    private boolean atEnd() {
        return pos >= src.length();
    }

    private Regex alternation() throws Unsupported {
        List<Regex> options = new ArrayList<>();
        options.add(sequence());
        while (!atEnd() && src.charAt(pos) == '|') {
            pos++;
            options.add(sequence());
        }
        return options.size() == 1 ? options.getFirst() : new Regex.Either(options);
    }

    private Regex sequence() throws Unsupported {
        List<Regex> items = new ArrayList<>();
        while (!atEnd() && src.charAt(pos) != '|' && src.charAt(pos) != ')') {
            Regex atom = atom();
            if (atom != null) {
                items.add(quantified(atom));
            }
        }
        return new Regex.Sequence(items);
    }

    private @Nullable Regex atom() throws Unsupported {
        char c = src.charAt(pos++);
        switch (c) {
            case '(' -> {
                if (src.startsWith("?:", pos)) {
                    pos += 2;
                } else if (!atEnd() && src.charAt(pos) == '?') {
                    throw new Unsupported(); // look-around, named groups, flags
                }
                Regex inner = alternation();
                if (atEnd() || src.charAt(pos) != ')') {
                    throw new Unsupported();
                }
                pos++;
                return inner;
            }
            case '[' -> {
                return new Regex.Chars(characterClass());
            }
            case '\\' -> {
                return new Regex.Chars(escape());
            }
            case '.' -> {
                return new Regex.Chars(ALNUM);
            }
            case '^' -> {
                if (pos != 1) {
                    throw new Unsupported();
                }
                return null;
            }
            case '$' -> {
                if (!atEnd()) {
                    throw new Unsupported();
                }
                return null;
            }
            case '*', '+', '?', '{', '}', ']', ')' -> throw new Unsupported();
            default -> {
                return new Regex.Chars(String.valueOf(c));
            }
        }
    }

    private String escape() throws Unsupported {
        if (atEnd()) {
            throw new Unsupported();
        }
        char c = src.charAt(pos++);
        return switch (c) {
            case 'd' -> "0123456789";
            case 'w' -> ALNUM;
            case 's' -> " ";
            default -> {
                if (Character.isLetterOrDigit(c)) {
                    throw new Unsupported(); // \b, \p{..}, \1, \Q and the like
                }
                yield String.valueOf(c);
            }
        };
    }

    private String characterClass() throws Unsupported {
        if (!atEnd() && src.charAt(pos) == '^') {
            throw new Unsupported();
        }
        StringBuilder chars = new StringBuilder();
        boolean first = true;
        while (true) {
            if (atEnd()) {
                throw new Unsupported();
            }
            char c = src.charAt(pos++);
            if (c == ']' && !first) {
                break;
            }
            first = false;
            if (c == '[' || src.startsWith("&&", pos - 1)) {
                throw new Unsupported();
            }
            String item = c == '\\' ? escape() : String.valueOf(c);
            if (item.length() == 1 && pos + 1 < src.length() && src.charAt(pos) == '-' && src.charAt(pos + 1) != ']') {
                pos++;
                char to = src.charAt(pos++);
                if (to == '\\') {
                    String escaped = escape();
                    if (escaped.length() != 1) {
                        throw new Unsupported();
                    }
                    to = escaped.charAt(0);
                }
                chars.append(range(item.charAt(0), to));
            } else {
                chars.append(item);
            }
        }
        if (chars.isEmpty()) {
            throw new Unsupported();
        }
        return chars.toString();
    }

    /** A range, kept to printable ASCII when it is wider than that. */
    private static String range(char from, char to) throws Unsupported {
        if (from > to) {
            throw new Unsupported();
        }
        StringBuilder sb = new StringBuilder();
        for (char c = from; c <= to && c < Character.MAX_VALUE; c++) {
            if (to - from < 128 || (c >= ' ' && c < 127 && Character.isLetterOrDigit(c))) {
                sb.append(c);
            }
        }
        if (sb.isEmpty()) {
            sb.append(from);
        }
        return sb.toString();
    }

    private Regex quantified(Regex atom) throws Unsupported {
        if (atEnd()) {
            return atom;
        }
        int min;
        int max;
        switch (src.charAt(pos)) {
            case '?' -> {
                min = 0;
                max = 1;
                pos++;
            }
            case '*' -> {
                min = 0;
                max = OPEN_REPEAT;
                pos++;
            }
            case '+' -> {
                min = 1;
                max = 1 + OPEN_REPEAT;
                pos++;
            }
            case '{' -> {
                int close = src.indexOf('}', pos);
                if (close < 0) {
                    throw new Unsupported();
                }
                String[] bounds = src.substring(pos + 1, close).split(",", -1);
                try {
                    min = Integer.parseInt(bounds[0].strip());
                    if (bounds.length == 1) {
                        max = min;
                    } else if (bounds[1].isBlank()) {
                        max = min + OPEN_REPEAT;
                    } else {
                        max = Integer.parseInt(bounds[1].strip());
                    }
                } catch (NumberFormatException e) {
                    throw new Unsupported();
                }
                if (bounds.length > 2 || min > max || max > 10_000) {
                    throw new Unsupported();
                }
                pos = close + 1;
            }
            default -> {
                return atom;
            }
        }
        if (!atEnd() && (src.charAt(pos) == '?' || src.charAt(pos) == '+')) {
            pos++; // lazy and possessive quantifiers match the same strings here
        }
        return new Regex.Repeat(atom, min, max);
    }

    private static final class Unsupported extends Exception {
        @Serial
        private static final long serialVersionUID = 1L;
    }
}
