package org.accesscentre.app.controls;

import java.util.ArrayList;
import java.util.List;
import org.accesscentre.app.controls.KeyDef.Kind;

/**
 * The keys of every layout and page. Letter pages use 24 half-key columns (ten letters and a double-width
 * delete on the top row), so the rows can be staggered and special keys can be one and a half or three keys
 * wide; the keypads are four columns of whole keys.
 */
final class KeyboardPages {
    /** The pages of the letter layouts; the keypads have one page. */
    enum Page {
        LETTERS,
        ACCENTS,
        SYMBOLS
    }

    /** A page: its grid size and its keys. */
    record Grid(int columns, int rows, List<KeyDef> keys) {}

    // Page keys name what they switch to by example, not in words, so they need no translation.
    static final String LETTERS_LABEL = "ABC";
    static final String ACCENTS_LABEL = "àéç";
    static final String SYMBOLS_LABEL = "123";

    private static final int HALF_COLUMNS = 24;
    private static final int WIDE = 4;

    private KeyboardPages() {}

    static Grid grid(KeyboardLayout layout, Page page) {
        return switch (layout) {
            case NUMERIC -> keypad(false);
            case PHONE -> keypad(true);
            case ALPHABETIC ->
                switch (page) {
                    case LETTERS -> letters();
                    case ACCENTS -> accents();
                    case SYMBOLS -> symbols(false);
                };
            // Addresses with accents are too rare to cost a key; an email page switch goes to symbols.
            case EMAIL -> page == Page.SYMBOLS ? symbols(true) : emailLetters();
        };
    }

    private static Grid letters() {
        return new Rows()
                .row(0)
                .chars("qwertyuiop")
                .key(Kind.DELETE, WIDE)
                .row(1)
                .chars("asdfghjkl'-")
                .row(0)
                .key(Kind.SHIFT, WIDE)
                .chars("zxcvbnm,.")
                .row(0)
                .key(Kind.SYMBOLS_PAGE, SYMBOLS_LABEL, WIDE)
                .key(Kind.ACCENTS_PAGE, ACCENTS_LABEL, WIDE)
                .key(Kind.SPACE, 10)
                .key(Kind.DONE, 6)
                .build();
    }

    /** French and Kwéyòl letters, grouped by their base letter. */
    private static Grid accents() {
        return new Rows()
                .row(0)
                .chars("éèêëàâçòôù")
                .key(Kind.DELETE, WIDE)
                .row(1)
                .chars("ûîï'-")
                .row(0)
                .key(Kind.SHIFT, WIDE)
                .row(0)
                .key(Kind.LETTERS_PAGE, LETTERS_LABEL, WIDE)
                .key(Kind.SYMBOLS_PAGE, SYMBOLS_LABEL, WIDE)
                .key(Kind.SPACE, 10)
                .key(Kind.DONE, 6)
                .build();
    }

    private static Grid symbols(boolean email) {
        Rows rows = new Rows()
                .row(0)
                .chars("1234567890")
                .key(Kind.DELETE, WIDE)
                .row(0)
                .chars("-/:;()&@\"'")
                .row(0)
                .chars(".,?!#%+=*_")
                .row(0)
                .key(Kind.LETTERS_PAGE, LETTERS_LABEL, WIDE);
        return (email
                        ? emailBottom(rows)
                        : rows.key(Kind.ACCENTS_PAGE, ACCENTS_LABEL, WIDE)
                                .key(Kind.SPACE, 10)
                                .key(Kind.DONE, 6))
                .build();
    }

    private static Grid emailLetters() {
        Rows rows = new Rows()
                .row(0)
                .chars("qwertyuiop")
                .key(Kind.DELETE, WIDE)
                .row(1)
                .chars("asdfghjkl")
                .row(0)
                .key(Kind.SHIFT, WIDE)
                .chars("zxcvbnm-_")
                .row(0)
                .key(Kind.SYMBOLS_PAGE, SYMBOLS_LABEL, WIDE);
        return emailBottom(rows).build();
    }

    private static Rows emailBottom(Rows rows) {
        return rows.key(Kind.CHARACTER, "@", WIDE)
                .key(Kind.CHARACTER, ".", WIDE)
                .key(Kind.TEXT, ".com", 6)
                .key(Kind.DONE, 6);
    }

    /** Digits in phone order (1 2 3 on top), which more people know than a calculator's. */
    private static Grid keypad(boolean phone) {
        List<KeyDef> keys = new ArrayList<>();
        for (int digit = 1; digit <= 9; digit++) {
            keys.add(new KeyDef(Kind.CHARACTER, Integer.toString(digit), (digit - 1) % 3, (digit - 1) / 3, 1, 1));
        }
        if (phone) {
            keys.add(new KeyDef(Kind.CHARACTER, "+", 0, 3, 1, 1));
            keys.add(new KeyDef(Kind.CHARACTER, "0", 1, 3, 1, 1));
            keys.add(new KeyDef(Kind.SPACE, "", 2, 3, 1, 1));
        } else {
            keys.add(new KeyDef(Kind.DECIMAL, "", 0, 3, 1, 1));
            keys.add(new KeyDef(Kind.CHARACTER, "0", 1, 3, 2, 1));
        }
        keys.add(new KeyDef(Kind.DELETE, "", 3, 0, 1, 2));
        keys.add(new KeyDef(Kind.DONE, "", 3, 2, 1, 2));
        return new Grid(4, 4, List.copyOf(keys));
    }

    /** Lays keys out left to right, row by row, in half-key columns. */
    private static final class Rows {
        private final List<KeyDef> keys = new ArrayList<>();
        private int row = -1;
        private int column;

        Rows row(int firstColumn) {
            row++;
            column = firstColumn;
            return this;
        }

        Rows chars(String chars) {
            chars.codePoints().forEach(c -> key(Kind.CHARACTER, Character.toString(c), 2));
            return this;
        }

        Rows key(Kind kind, int span) {
            return key(kind, "", span);
        }

        Rows key(Kind kind, String text, int span) {
            keys.add(new KeyDef(kind, text, column, row, span, 1));
            column += span;
            return this;
        }

        Grid build() {
            return new Grid(HALF_COLUMNS, row + 1, List.copyOf(keys));
        }
    }
}
